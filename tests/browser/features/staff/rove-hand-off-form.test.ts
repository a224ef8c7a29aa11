import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/staff/rove-hand-off-form.js';
import type { RoveHandOffForm } from '../../../../src/client/features/staff/rove-hand-off-form.js';
import { getByRole, queryAllByRole } from '../../../support/browser/by-role.js';
import { skills } from '../../../support/browser/fixtures.js';

const form = () =>
  fixture<RoveHandOffForm>(
    html`<rove-hand-off-form .skills=${skills} current="tech"></rove-hand-off-form>`,
  );

describe('rove-hand-off-form', () => {
  it('is accessible', async () => {
    const el = await form();
    await expect(el).to.be.accessible();
  });

  it('offers every skill but the current one, and needs one chosen', async () => {
    const el = await form();
    expect(
      queryAllByRole(el, 'radio').map((r) => r.parentElement?.textContent?.trim()),
    ).to.deep.equal(['Local history', 'General help']);
    getByRole(el, 'button', 'Hand off request').click();
    await el.updateComplete;
    expect(getByRole(el, 'alert').textContent).to.match(/Choose who/);
    getByRole(el, 'radio', 'General help').click();
    const handed = oneEvent(el, 'hand-off');
    getByRole(el, 'button', 'Hand off request').click();
    expect(((await handed) as CustomEvent).detail).to.deep.equal({ skill: 'general' });
  });

  it('offers no retired skill', async () => {
    const el = await fixture<RoveHandOffForm>(
      html`<rove-hand-off-form
        .skills=${[...skills, { id: 'law', label: 'Law', retired: true }]}
        current="tech"
      ></rove-hand-off-form>`,
    );
    expect(
      queryAllByRole(el, 'radio').map((r) => r.parentElement?.textContent?.trim()),
    ).to.deep.equal(['Local history', 'General help']);
  });
});
