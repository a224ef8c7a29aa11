import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/admin/rove-admin-staff-form.js';
import type { RoveAdminStaffForm } from '../../../../src/client/features/admin/rove-admin-staff-form.js';
import { getByRole, queryAllByRole, typeInto } from '../../../support/browser/by-role.js';
import { BRANCHES, SKILLS } from '../../../support/browser/fake-server.js';
import { PATRON_LANGUAGES } from '../../../../src/client/ui/walk-up/walk-up-format.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;

const PRIYA = {
  id: 's2',
  displayName: 'Priya',
  skills: ['history', 'youth'],
  // Welsh is not among the languages tablets offer for patrons: kept, and shown, all the same.
  languages: ['es', 'cy'],
  branchIds: ['east'],
  active: true,
};

describe('rove-admin-staff-form', () => {
  it('is accessible', async () => {
    const el = await fixture<RoveAdminStaffForm>(
      html`<rove-admin-staff-form
        ask-pin
        .skills=${SKILLS}
        .branches=${BRANCHES}
      ></rove-admin-staff-form>`,
    );
    await expect(el).to.be.accessible();
  });

  it('offers skills and branches as labelled checkboxes in named groups', async () => {
    const el = await fixture<RoveAdminStaffForm>(
      html`<rove-admin-staff-form
        ask-pin
        .skills=${SKILLS}
        .branches=${BRANCHES}
      ></rove-admin-staff-form>`,
    );
    const skills = getByRole(el, 'group', 'Skills');
    expect(queryAllByRole(skills, 'checkbox').length).to.equal(SKILLS.length);
    const branches = getByRole(el, 'group', 'Branches they work at');
    expect(queryAllByRole(branches, 'checkbox').length).to.equal(BRANCHES.length);
    // The languages a tablet offers for a patron, so best fit can match the two.
    const languages = getByRole(el, 'group', 'Languages they can help patrons in');
    expect(queryAllByRole(languages, 'checkbox').length).to.equal(PATRON_LANGUAGES.length);
    getByRole(languages, 'checkbox', /^Spanish/);
  });

  it('starts an edit from the person as they are, without a PIN field', async () => {
    const el = await fixture<RoveAdminStaffForm>(
      html`<rove-admin-staff-form
        .member=${PRIYA}
        .skills=${SKILLS}
        .branches=${BRANCHES}
        can-cancel
      ></rove-admin-staff-form>`,
    );
    await expect(el).to.be.accessible();
    expect(queryAllByRole(el, 'textbox', /^PIN/)).to.have.length(0);
    expect(getByRole<HTMLInputElement>(el, 'textbox', /^Display name/).value).to.equal('Priya');
    expect(getByRole<HTMLInputElement>(el, 'checkbox', 'Local history').checked).to.equal(true);
    expect(getByRole<HTMLInputElement>(el, 'checkbox', 'Technology').checked).to.equal(false);
    expect(getByRole<HTMLInputElement>(el, 'checkbox', /^Spanish/).checked).to.equal(true);
    expect(getByRole<HTMLInputElement>(el, 'checkbox', /^French/).checked).to.equal(false);
    expect(getByRole<HTMLInputElement>(el, 'checkbox', /^Welsh/).checked).to.equal(true);
    expect(getByRole<HTMLInputElement>(el, 'checkbox', 'East Branch').checked).to.equal(true);
    const cancelled = oneEvent(el, 'staff-form-cancel');
    getByRole(el, 'button', 'Cancel').click();
    await cancelled;
  });

  it('sends what was chosen, once it is valid', async () => {
    const el = await fixture<RoveAdminStaffForm>(
      html`<rove-admin-staff-form
        ask-pin
        submit-label="Add staff member"
        .skills=${SKILLS}
        .branches=${BRANCHES}
      ></rove-admin-staff-form>`,
    );
    getByRole(el, 'button', 'Add staff member').click();
    await el.updateComplete;
    expect(getByRole(el, 'alert').textContent).to.contain('display name');

    typeInto(getByRole(el, 'textbox', /^Display name/), '  Sam ');
    typeInto(getByRole(el, 'textbox', /^PIN/), '1234');
    getByRole(el, 'checkbox', 'Technology').click();
    getByRole(el, 'checkbox', /^Vietnamese/).click();
    getByRole(el, 'checkbox', 'Main Library').click();
    const sent = oneEvent(el, 'staff-form-submit');
    getByRole(el, 'button', 'Add staff member').click();
    const { detail } = await sent;
    expect(detail).to.deep.equal({
      displayName: 'Sam',
      pin: '1234',
      skills: ['tech'],
      languages: ['vi'],
      branchIds: ['main'],
    });
  });

  it("shows the parent's error in words", async () => {
    const el = await fixture<RoveAdminStaffForm>(
      html`<rove-admin-staff-form
        .skills=${SKILLS}
        .branches=${BRANCHES}
        error="We couldn't add Sam: the server had a problem."
      ></rove-admin-staff-form>`,
    );
    expect(getByRole(el, 'alert').textContent).to.contain("We couldn't add Sam");
  });

  it('offers only current skills, and keeps a retired one the person has', async () => {
    const skills = [
      ...SKILLS,
      { id: 'law', label: 'Law', retired: true },
      { id: 'fax', label: 'Fax machines', retired: true },
    ];
    const el = await fixture<RoveAdminStaffForm>(
      html`<rove-admin-staff-form
        .member=${{ ...PRIYA, skills: ['history', 'law'] }}
        .skills=${skills}
        .branches=${BRANCHES}
      ></rove-admin-staff-form>`,
    );
    const group = getByRole(el, 'group', 'Skills');
    expect(queryAllByRole(group, 'checkbox')).to.have.length(SKILLS.length + 1);
    expect(getByRole<HTMLInputElement>(group, 'checkbox', 'Law (retired, kept)').checked).to.equal(
      true,
    );
    expect(queryAllByRole(group, 'checkbox', /Fax/)).to.have.length(0);
    await expect(el).to.be.accessible();
    const sent = oneEvent(el, 'staff-form-submit');
    getByRole(el, 'button', 'Save').click();
    expect((await sent).detail.skills).to.deep.equal(['history', 'law']);

    // Someone new is offered no retired skill at all.
    const fresh = await fixture<RoveAdminStaffForm>(
      html`<rove-admin-staff-form
        ask-pin
        .skills=${skills}
        .branches=${BRANCHES}
      ></rove-admin-staff-form>`,
    );
    expect(queryAllByRole(getByRole(fresh, 'group', 'Skills'), 'checkbox')).to.have.length(
      SKILLS.length,
    );
  });
});
