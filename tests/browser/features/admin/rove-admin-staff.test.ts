import { expect, fixture, html } from '@open-wc/testing';
import '../../../../src/client/features/admin/rove-admin-staff.js';
import type { RoveAdminStaff } from '../../../../src/client/features/admin/rove-admin-staff.js';
import { getByRole, queryAllByRole, typeInto, waitFor } from '../../../support/browser/by-role.js';
import { BRANCHES, FakeServer, SKILLS, apiError } from '../../../support/browser/fake-server.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function afterEach(body: () => void): void;

const SAM = {
  id: 's1',
  displayName: 'Sam',
  skills: ['tech', 'general'],
  languages: ['es'],
  branchIds: ['main'],
  active: true,
};

describe('rove-admin-staff', () => {
  let server: FakeServer;
  afterEach(() => server?.restore());

  async function open() {
    server = new FakeServer()
      .on('GET', '/api/staff', { body: { staff: [SAM] } })
      .on('GET', '/api/skills', { body: { skills: SKILLS } })
      .on('GET', '/api/branches', { body: { branches: BRANCHES } })
      .install();
    const el = await fixture<RoveAdminStaff>(html`<rove-admin-staff></rove-admin-staff>`);
    await waitFor(() => getByRole(el, 'button', 'Edit Sam'), 'the staff list');
    return el;
  }

  const addForm = (el: RoveAdminStaff) =>
    el.shadowRoot!.querySelector('rove-admin-staff-form[ask-pin]')!;

  it('is accessible', async () => {
    const el = await open();
    await expect(el).to.be.accessible();
  });

  it('lists each person with skills, languages and branches in words', async () => {
    const el = await open();
    const text = el.shadowRoot!.querySelector('rove-admin-staff-member')!.shadowRoot!.textContent!;
    expect(text.replace(/\s+/g, ' ')).to.contain('Skills: Technology, General help');
    expect(text.replace(/\s+/g, ' ')).to.contain('Languages: Spanish (español)');
    expect(text.replace(/\s+/g, ' ')).to.contain('Branches: Main Library');
  });

  it('adds someone with name, PIN, skills and branches', async () => {
    const el = await open();
    server.on('POST', '/api/staff', (body) => ({
      status: 201,
      body: { id: 's2', ...(body as object), pin: undefined },
    }));
    const form = addForm(el);
    typeInto(getByRole(form, 'textbox', /^Display name/), 'Priya');
    typeInto(getByRole(form, 'textbox', /^PIN/), '5678');
    getByRole(form, 'checkbox', 'Local history').click();
    getByRole(form, 'checkbox', 'Children and teens').click();
    getByRole(form, 'checkbox', 'Main Library').click();
    getByRole(form, 'button', 'Add staff member').click();

    await waitFor(() => getByRole(el, 'button', 'Edit Priya'), 'Priya in the list');
    expect(server.callsTo('POST', '/api/staff')[0]?.body).to.deep.equal({
      displayName: 'Priya',
      pin: '5678',
      skills: ['youth', 'history'],
      languages: [],
      branchIds: ['main'],
    });
    expect(getByRole(el, 'status').textContent).to.contain('Priya is added');
  });

  it('checks the PIN and branches before sending', async () => {
    const el = await open();
    const form = addForm(el);
    typeInto(getByRole(form, 'textbox', /^Display name/), 'Priya');
    typeInto(getByRole(form, 'textbox', /^PIN/), '12');
    getByRole(form, 'button', 'Add staff member').click();
    await waitFor(() => expect(getByRole(form, 'alert').textContent).to.contain('4 to 8 digits'));
    typeInto(getByRole(form, 'textbox', /^PIN/), '1234');
    getByRole(form, 'button', 'Add staff member').click();
    await waitFor(() => expect(getByRole(form, 'alert').textContent).to.contain('branch'));
    expect(server.callsTo('POST', '/api/staff')).to.have.length(0);
  });

  it("shows the server's complaint in words", async () => {
    const el = await open();
    server.on('POST', '/api/staff', apiError(409, 'conflict', 'Someone is already called Sam'));
    const form = addForm(el);
    typeInto(getByRole(form, 'textbox', /^Display name/), 'Sam');
    typeInto(getByRole(form, 'textbox', /^PIN/), '1234');
    getByRole(form, 'checkbox', 'Main Library').click();
    getByRole(form, 'button', 'Add staff member').click();
    await waitFor(() =>
      expect(getByRole(form, 'alert').textContent).to.contain(
        "We couldn't add Sam: Someone is already called Sam.",
      ),
    );
  });

  it('edits skills, languages and branches', async () => {
    const el = await open();
    server.on('PATCH', '/api/staff/s1', (body) => ({
      body: { staff: { ...SAM, ...(body as object) } },
    }));
    getByRole(el, 'button', 'Edit Sam').click();
    const row = el.shadowRoot!.querySelector('rove-admin-staff-member')!;
    const form = await waitFor(() => {
      const found = row.shadowRoot!.querySelector('rove-admin-staff-form');
      if (!found) throw new Error('no edit form yet');
      return found;
    });
    await waitFor(() => getByRole(form, 'checkbox', 'Technology'));
    expect(getByRole<HTMLInputElement>(form, 'checkbox', 'Technology').checked).to.equal(true);
    expect(getByRole<HTMLInputElement>(form, 'textbox', /^Display name/).value).to.equal('Sam');
    getByRole(form, 'checkbox', 'Technology').click();
    getByRole(form, 'checkbox', 'Finding books').click();
    getByRole(form, 'checkbox', 'East Branch').click();
    getByRole(form, 'checkbox', /^Spanish/).click();
    getByRole(form, 'checkbox', /^Somali/).click();
    getByRole(form, 'button', 'Save changes').click();
    await waitFor(() => expect(getByRole(row, 'status').textContent).to.contain('Changes saved'));
    expect(server.callsTo('PATCH', '/api/staff/s1')[0]?.body).to.deep.equal({
      displayName: 'Sam',
      skills: ['books', 'general'],
      languages: ['so'],
      branchIds: ['main', 'east'],
    });
    await expect(el).to.be.accessible();
  });

  it('resets a PIN', async () => {
    const el = await open();
    server.on('PATCH', '/api/staff/s1', { body: { staff: SAM } });
    getByRole(el, 'button', 'Reset PIN for Sam').click();
    const field = await waitFor(() => getByRole(el, 'textbox', /^New PIN for Sam/));
    typeInto(field, '4321');
    getByRole(el, 'button', 'Save new PIN').click();
    await waitFor(() => expect(getByRole(el, 'status').textContent).to.contain('PIN is changed'));
    expect(server.callsTo('PATCH', '/api/staff/s1')[0]?.body).to.deep.equal({ pin: '4321' });
  });

  it('deactivates and reactivates', async () => {
    const el = await open();
    server.on('PATCH', '/api/staff/s1', (body) => ({
      body: { staff: { ...SAM, ...(body as object) } },
    }));
    getByRole(el, 'button', 'Deactivate Sam').click();
    const again = await waitFor(() => getByRole(el, 'button', 'Reactivate Sam'));
    expect(
      el.shadowRoot!.querySelector('rove-admin-staff-member')!.shadowRoot!.textContent,
    ).to.contain('inactive');
    again.click();
    await waitFor(() => getByRole(el, 'button', 'Deactivate Sam'));
    expect(server.callsTo('PATCH', '/api/staff/s1').map((c) => c.body)).to.deep.equal([
      { active: false },
      { active: true },
    ]);
    expect(queryAllByRole(el, 'alert')).to.have.length(0);
  });

  it('hands back to sign-in when the session has ended', async () => {
    const el = await open();
    server.on('PATCH', '/api/staff/s1', apiError(401, 'unauthenticated', 'Sign in'));
    let ended = false;
    el.addEventListener('admin-session-ended', () => (ended = true));
    getByRole(el, 'button', 'Deactivate Sam').click();
    await waitFor(() => expect(ended).to.equal(true));
  });
});
