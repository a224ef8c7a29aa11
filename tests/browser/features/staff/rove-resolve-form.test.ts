import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/staff/rove-resolve-form.js';
import type { RoveResolveForm } from '../../../../src/client/features/staff/rove-resolve-form.js';
import {
  EFFORT_GRADES,
  outcomeChoices,
  sayEffort,
} from '../../../../src/client/ui/service-wording.js';
import { getByRole, queryAllByRole } from '../../../support/browser/by-role.js';

describe('rove-resolve-form', () => {
  it('is accessible', async () => {
    const el = await fixture<RoveResolveForm>(html`<rove-resolve-form></rove-resolve-form>`);
    await expect(el).to.be.accessible();
  });

  it('asks for an outcome before resolving; effort stays optional', async () => {
    const el = await fixture<RoveResolveForm>(html`<rove-resolve-form></rove-resolve-form>`);
    getByRole(el, 'button', 'Resolve request').click();
    await el.updateComplete;
    expect(getByRole(el, 'alert').textContent).to.match(/how it went/);
    getByRole(el, 'radio', 'Could not find the patron').click();
    const resolved = oneEvent(el, 'resolve');
    getByRole(el, 'button', 'Resolve request').click();
    expect(((await resolved) as CustomEvent).detail).to.deep.equal({ outcome: 'no-show' });
  });

  it('offers the outcomes and effort grades in the words the service report uses', async () => {
    const el = await fixture<RoveResolveForm>(html`<rove-resolve-form></rove-resolve-form>`);
    const outcomes = getByRole(el, 'group', 'How did it go?');
    expect(
      queryAllByRole(outcomes, 'radio').map((r) => (r as HTMLInputElement).value),
    ).to.deep.equal(outcomeChoices().map((o) => o.id));
    for (const { label } of outcomeChoices()) getByRole(outcomes, 'radio', label);
    const effort = getByRole(el, 'group', 'Effort (optional)');
    expect(queryAllByRole(effort, 'radio')).to.have.length(6);
    for (const grade of EFFORT_GRADES) getByRole(effort, 'radio', sayEffort(grade));
    getByRole(effort, 'radio', '3: some searching together').click();
    getByRole(outcomes, 'radio', 'Referred to someone or somewhere else').click();
    const resolved = oneEvent(el, 'resolve');
    getByRole(el, 'button', 'Resolve request').click();
    expect(((await resolved) as CustomEvent).detail).to.deep.equal({
      outcome: 'referred',
      effort: 3,
    });
  });

  it('goes back without resolving', async () => {
    const el = await fixture<RoveResolveForm>(html`<rove-resolve-form></rove-resolve-form>`);
    const back = oneEvent(el, 'back');
    getByRole(el, 'button', 'Back').click();
    await back;
  });
});
