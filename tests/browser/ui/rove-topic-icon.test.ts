import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/client/ui/rove-topic-icon.js';
import type { RoveTopicIcon } from '../../../src/client/ui/rove-topic-icon.js';

describe('rove-topic-icon', () => {
  it('is accessible and hidden from screen readers (the button names the topic)', async () => {
    const el = await fixture<RoveTopicIcon>(html`<rove-topic-icon name="tech"></rove-topic-icon>`);
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('draws a starter name and a supervisor name alike, and something for an unknown one', async () => {
    const path = async (name: string) => {
      const el = await fixture<RoveTopicIcon>(
        html`<rove-topic-icon name=${name}></rove-topic-icon>`,
      );
      return el.shadowRoot!.querySelector('path')!.getAttribute('d');
    };
    expect(await path('tech')).to.equal(await path('computer'));
    expect(await path('tech')).not.to.equal(await path('printer'));
    expect(await path('no-such-icon')).to.equal(await path('question'));
  });
});
