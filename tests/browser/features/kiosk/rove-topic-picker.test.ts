import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/kiosk/rove-topic-picker.js';
import type { RoveTopicPicker } from '../../../../src/client/features/kiosk/rove-topic-picker.js';
import type { Topic } from '../../../../src/shared/schemas.js';
import { getByRole, queryAllByRole } from '../../../support/browser/by-role.js';
import { topics } from '../../../support/browser/fixtures.js';

describe('rove-topic-picker', () => {
  it('is accessible', async () => {
    const el = await fixture<RoveTopicPicker>(
      html`<rove-topic-picker .topics=${topics}></rove-topic-picker>`,
    );
    await expect(el).to.be.accessible();
  });

  it('offers each topic as a button named by its label, and says which was chosen', async () => {
    const el = await fixture<RoveTopicPicker>(
      html`<rove-topic-picker .topics=${topics}></rove-topic-picker>`,
    );
    const names = queryAllByRole(el, 'button').map((b) => b.textContent?.trim());
    expect(names).to.deep.equal(['Computers and printing', 'Local history', 'Back']);
    const chosen = oneEvent(el, 'topic-chosen');
    getByRole(el, 'button', 'Local history').click();
    expect(((await chosen) as CustomEvent<Topic>).detail.id).to.equal('history');
  });

  it('sends the patron to the desk when no topics have arrived', async () => {
    const el = await fixture<RoveTopicPicker>(html`<rove-topic-picker></rove-topic-picker>`);
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.textContent).to.match(/service desk/);
  });

  it('says where the desk is, when the branch has said, while no topics have arrived', async () => {
    const el = await fixture<RoveTopicPicker>(
      html`<rove-topic-picker serviceDesk="on the first floor, by the stairs"></rove-topic-picker>`,
    );
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.textContent!.replace(/\s+/g, ' ')).to.contain(
      'Please ask at the service desk. The service desk is on the first floor, by the stairs.',
    );
    getByRole(el, 'button', 'Back');
  });

  it('keeps to “the service desk” when no place was written', async () => {
    const el = await fixture<RoveTopicPicker>(html`<rove-topic-picker></rove-topic-picker>`);
    expect(el.shadowRoot!.textContent).not.to.contain('The service desk is');
  });
});
