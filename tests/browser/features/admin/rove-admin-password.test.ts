import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/admin/rove-admin-password.js';
import type { RoveAdminPassword } from '../../../../src/client/features/admin/rove-admin-password.js';
import { getByRole, typeInto, waitFor } from '../../../support/browser/by-role.js';
import { FakeServer, apiError } from '../../../support/browser/fake-server.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function afterEach(body: () => void): void;

const PATH = '/api/session/admin/password';

describe('rove-admin-password', () => {
  let server: FakeServer;
  afterEach(() => server?.restore());

  const form = () => fixture<RoveAdminPassword>(html`<rove-admin-password></rove-admin-password>`);

  function change(el: RoveAdminPassword, current: string, next: string, again = next) {
    typeInto(getByRole(el, 'textbox', 'Current password'), current);
    typeInto(getByRole(el, 'textbox', /^New password/), next);
    typeInto(getByRole(el, 'textbox', 'Type the new password again'), again);
    getByRole(el, 'button', 'Change password').click();
  }

  it('is accessible, with every field named', async () => {
    const el = await form();
    await expect(el).to.be.accessible();
    expect(getByRole(el, 'textbox', /^New password/).getAttribute('autocomplete')).to.equal(
      'new-password',
    );
  });

  it('sends the current and new password, says other sign-ins ended, and clears the form', async () => {
    server = new FakeServer().on('POST', PATH, { status: 204 }).install();
    const el = await form();
    change(el, 'the old password', 'a much longer new one');
    const status = await waitFor(() => getByRole(el, 'status'));
    expect(status.textContent).to.contain('Password changed');
    expect(status.textContent).to.contain('other admin sign-ins');
    expect(server.callsTo('POST', PATH)[0]?.body).to.deep.equal({
      current: 'the old password',
      next: 'a much longer new one',
    });
    expect((getByRole(el, 'textbox', 'Current password') as HTMLInputElement).value).to.equal('');
  });

  it('catches a short, repeated or mistyped new password without calling the server', async () => {
    server = new FakeServer().install();
    const el = await form();
    change(el, 'the old password', 'too short');
    await waitFor(() => expect(getByRole(el, 'alert').textContent).to.contain('at least 12'));
    change(el, 'the old password', 'a much longer new one', 'a much longer new on');
    await waitFor(() => expect(getByRole(el, 'alert').textContent).to.contain("don't match"));
    change(el, 'the same old password', 'the same old password');
    await waitFor(() => expect(getByRole(el, 'alert').textContent).to.contain('the same'));
    change(el, '', 'a much longer new one');
    await waitFor(() => expect(getByRole(el, 'alert').textContent).to.contain('current password'));
    expect(server.calls).to.have.length(0);
  });

  it('counts characters as the server does: 11 letters outside the BMP are too short', async () => {
    server = new FakeServer().install();
    const el = await form();
    // 22 UTF-16 code units, 11 characters.
    change(el, 'the old password', '𝔭𝔞𝔰𝔰𝔭𝔥𝔯𝔞𝔰𝔢𝔰');
    await waitFor(() => expect(getByRole(el, 'alert').textContent).to.contain('at least 12'));
    expect(server.calls).to.have.length(0);
  });

  it('says so when the current password is wrong (403), and stays signed in', async () => {
    server = new FakeServer()
      .on('POST', PATH, apiError(403, 'forbidden', 'The current password is not right'))
      .install();
    const el = await form();
    let ended = false;
    el.addEventListener('admin-session-ended', () => (ended = true));
    change(el, 'not it at all', 'a much longer new one');
    const alert = await waitFor(() => getByRole(el, 'alert'));
    expect(alert.textContent).to.contain('current password is not right');
    expect(ended).to.equal(false);
  });

  it('asks to wait after too many tries (429)', async () => {
    server = new FakeServer()
      .on('POST', PATH, apiError(429, 'rate_limited', 'Too many', { 'retry-after': '40' }))
      .install();
    const el = await form();
    change(el, 'not it at all', 'a much longer new one');
    const alert = await waitFor(() => getByRole(el, 'alert'));
    expect(alert.textContent).to.contain('40 seconds');
  });

  it('hands back to sign-in when the supervisor sign-in has ended (401)', async () => {
    server = new FakeServer()
      .on('POST', PATH, apiError(401, 'unauthenticated', 'Signed out'))
      .install();
    const el = await form();
    const ended = oneEvent(el, 'admin-session-ended');
    change(el, 'the old password', 'a much longer new one');
    await ended;
  });
});
