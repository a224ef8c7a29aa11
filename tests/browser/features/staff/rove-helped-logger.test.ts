// "I helped someone": two taps record it (topic, then how it went), the optional details start
// from the last choices, nothing asks for patron text, and Undo is offered for what was recorded.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/staff/rove-helped-logger.js';
import type {
  LastHelped,
  RoveHelpedLogger,
} from '../../../../src/client/features/staff/rove-helped-logger.js';
import type { HelpedChoices } from '../../../../src/client/core/db/walk-ups.js';
import { getByRole, queryAllByRole } from '../../../support/browser/by-role.js';
import { topics } from '../../../support/browser/fixtures.js';
import { smallTargets } from '../../../support/browser/touch-targets.js';

const logger = (choices: HelpedChoices = {}, last?: LastHelped) =>
  fixture<RoveHelpedLogger>(
    html`<rove-helped-logger
      .topics=${topics}
      .choices=${choices}
      .last=${last}
    ></rove-helped-logger>`,
  );

describe('rove-helped-logger', () => {
  it('is accessible with big targets at both taps, and asks for no patron text', async () => {
    const el = await logger();
    await expect(el).to.be.accessible();
    expect(smallTargets(el)).to.deep.equal([]);
    getByRole(el, 'button', 'Local history').click();
    await el.updateComplete;
    getByRole(el, 'heading', 'Local history: how did it go?');
    await expect(el).to.be.accessible();
    expect(smallTargets(el)).to.deep.equal([]);
    expect(queryAllByRole(el, 'textbox')).to.deep.equal([]);
  });

  it('records in two taps, with the remembered effort and language', async () => {
    const el = await logger({ effort: 2, language: 'fr' });
    getByRole(el, 'button', 'Computers and printing').click();
    await el.updateComplete;
    expect(getByRole(el, 'group', /how did it go/).textContent).to.match(/Answered/);
    const summary = el.shadowRoot!.querySelector('summary')!;
    expect(summary.textContent).to.match(/effort 2, French/);
    const helped = oneEvent(el, 'helped');
    getByRole(el, 'button', 'Answered').click();
    expect(((await helped) as CustomEvent).detail).to.deep.equal({
      topicId: 'tech',
      outcome: 'answered',
      effort: 2,
      language: 'fr',
    });
    // Back at the first tap, ready for the next patron.
    await el.updateComplete;
    getByRole(el, 'heading', 'What was it about?');
  });

  it('lets the details be changed before the second tap', async () => {
    const el = await logger({ effort: 2 });
    getByRole(el, 'button', 'Local history').click();
    await el.updateComplete;
    el.shadowRoot!.querySelector('summary')!.click();
    await el.updateComplete;
    const effort = getByRole<HTMLSelectElement>(el, 'combobox', 'Effort');
    effort.value = '';
    effort.dispatchEvent(new Event('change'));
    const minutes = getByRole<HTMLSelectElement>(el, 'combobox', 'About how long');
    minutes.value = '10';
    minutes.dispatchEvent(new Event('change'));
    const helped = oneEvent(el, 'helped');
    getByRole(el, 'button', 'Needs a follow-up').click();
    expect(((await helped) as CustomEvent).detail).to.deep.equal({
      topicId: 'history',
      outcome: 'follow-up',
      minutes: 10,
    });
  });

  it('offers Undo for what it just recorded, and says so when it is too late', async () => {
    const el = await logger({}, { words: 'Recorded: Local history (Answered).', canUndo: true });
    expect(getByRole(el, 'status').textContent).to.match(/Recorded: Local history \(Answered\)/);
    await expect(el).to.be.accessible();
    const undo = oneEvent(el, 'undo');
    getByRole(el, 'button', 'Undo').click();
    await undo;
    el.last = {
      words: 'Too late to take back: it had already been sent, so it counts.',
      canUndo: false,
    };
    await el.updateComplete;
    expect(queryAllByRole(el, 'button', 'Undo')).to.deep.equal([]);
    expect(getByRole(el, 'status').textContent).to.match(/Too late/);
  });
});
