import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/scripts/rove-script-checklist.js';
import type { RoveScriptChecklist } from '../../../../src/client/features/scripts/rove-script-checklist.js';
import { getByRole, queryAllByRole } from '../../../support/browser/by-role.js';
import { published } from '../../../support/browser/published.js';

declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;

describe('rove-script-checklist', () => {
  const levels = published('levels-printing');

  it('is accessible, levels of service included', async () => {
    const el = await fixture<RoveScriptChecklist>(
      html`<rove-script-checklist .script=${levels} .done=${[1]} has-next></rove-script-checklist>`,
    );
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.querySelector('dl')!.textContent).to.contain('Exceptional');
  });

  it('names each checkbox by its step, shows ticks, and says how many are done', async () => {
    const el = await fixture<RoveScriptChecklist>(
      html`<rove-script-checklist .script=${levels} .done=${[1]}></rove-script-checklist>`,
    );
    const boxes = levels.steps.map((s) => getByRole<HTMLInputElement>(el, 'checkbox', s.text));
    expect(boxes.map((b) => b.checked)).to.deep.equal([false, true, false]);
    expect(getByRole(el, 'status').textContent).to.contain('1 of 3 steps done');
    expect(queryAllByRole(el, 'button', 'Next script')).to.have.length(0);
  });

  it('fires step-toggle, reset-steps and next-script', async () => {
    const el = await fixture<RoveScriptChecklist>(
      html`<rove-script-checklist .script=${levels} has-next></rove-script-checklist>`,
    );
    const toggled = oneEvent(el, 'step-toggle');
    getByRole(el, 'checkbox', levels.steps[2]!.text).click();
    expect((await toggled).detail).to.deep.equal({ index: 2, ticked: true });
    const reset = oneEvent(el, 'reset-steps');
    getByRole(el, 'button', 'Reset').click();
    await reset;
    const next = oneEvent(el, 'next-script');
    getByRole(el, 'button', 'Next script').click();
    await next;
  });

  it('keeps its buttons at least 48px for thumbs', async () => {
    const el = await fixture<RoveScriptChecklist>(
      html`<rove-script-checklist .script=${levels} has-next></rove-script-checklist>`,
    );
    for (const button of queryAllByRole(el, 'button')) {
      expect(button.getBoundingClientRect().height).to.be.at.least(48);
    }
    const bar = getByRole(el, 'group', 'Script actions');
    expect(getComputedStyle(bar).position).to.equal('sticky');
  });
});
