// Sending for a specialist (or taking it on at once) from the tablet: the form is accessible,
// easy to hit, needs a topic, prefills a script's topic and the last place, and says what to send.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/ui/walk-up/rove-walk-up-form.js';
import type { RoveWalkUpForm } from '../../../../src/client/ui/walk-up/rove-walk-up-form.js';
import { getByRole, queryAllByRole, typeInto } from '../../../support/browser/by-role.js';
import { topics } from '../../../support/browser/fixtures.js';
import { smallTargets } from '../../../support/browser/touch-targets.js';

const form = (mode: 'send' | 'take', extra: { topicId?: string; zones?: string[] } = {}) =>
  fixture<RoveWalkUpForm>(
    html`<rove-walk-up-form
      mode=${mode}
      .topics=${topics}
      topic-id=${extra.topicId ?? ''}
      .recentZones=${extra.zones ?? []}
    ></rove-walk-up-form>`,
  );

describe('rove-walk-up-form', () => {
  it('is accessible, with big targets, in both modes', async () => {
    for (const mode of ['send', 'take'] as const) {
      const el = await form(mode);
      await expect(el).to.be.accessible();
      expect(smallTargets(el), mode).to.deep.equal([]);
    }
  });

  it('sends for a specialist with the place, how to spot them, the need and the language', async () => {
    const el = await form('send', { zones: ['Entrance', 'Kids area'] });
    getByRole(el, 'button', 'Send for a specialist').click();
    await el.updateComplete;
    expect(getByRole(el, 'alert').textContent).to.match(/Choose what they need help with/);
    getByRole(el, 'radio', 'Local history').click();
    // The last place is filled in; the greeter may change it.
    const zone = getByRole<HTMLInputElement>(el, 'textbox', 'Where in the library?');
    expect(zone.value).to.equal('Entrance');
    typeInto(getByRole(el, 'textbox', 'How to spot them (optional)'), ' Red coat, by the doors ');
    typeInto(getByRole(el, 'textbox', 'What they need (optional)'), 'Census records, 1920s');
    const language = getByRole<HTMLSelectElement>(el, 'combobox', 'Their language');
    language.value = 'es';
    language.dispatchEvent(new Event('change'));
    expect(language.selectedOptions[0]!.textContent).to.match(/Spanish/);
    const sent = oneEvent(el, 'walk-up');
    getByRole(el, 'button', 'Send for a specialist').click();
    expect(((await sent) as CustomEvent).detail).to.deep.equal({
      topicId: 'history',
      zone: 'Entrance',
      name: 'Red coat, by the doors',
      note: 'Census records, 1920s',
      language: 'es',
    });
  });

  it('takes a script’s topic as chosen already', async () => {
    const el = await form('send', { topicId: 'history' });
    expect(getByRole<HTMLInputElement>(el, 'radio', 'Local history').checked).to.equal(true);
    const sent = oneEvent(el, 'walk-up');
    getByRole(el, 'button', 'Send for a specialist').click();
    expect(((await sent) as CustomEvent).detail).to.deep.equal({ topicId: 'history' });
  });

  it('taking it myself asks only the topic and language, and claims it', async () => {
    const el = await form('take');
    expect(queryAllByRole(el, 'textbox')).to.deep.equal([]);
    getByRole(el, 'radio', 'Computers and printing').click();
    const sent = oneEvent(el, 'walk-up');
    getByRole(el, 'button', 'Start helping').click();
    expect(((await sent) as CustomEvent).detail).to.deep.equal({ topicId: 'tech', claim: true });
    const back = oneEvent(el, 'back');
    getByRole(el, 'button', 'Back').click();
    await back;
  });
});
