import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/admin/rove-admin-sign-in.js';
import type { RoveAdminSignIn } from '../../../../src/client/features/admin/rove-admin-sign-in.js';
import { getByRole, typeInto, waitFor } from '../../../support/browser/by-role.js';
import { FakeServer, apiError } from '../../../support/browser/fake-server.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function afterEach(body: () => void): void;

describe('rove-admin-sign-in', () => {
  let server: FakeServer;
  afterEach(() => server?.restore());

  async function signInWith(el: RoveAdminSignIn, password: string) {
    typeInto(getByRole(el, 'textbox', 'Username'), 'admin');
    typeInto(getByRole(el, 'textbox', 'Password'), password);
    getByRole(el, 'button', 'Sign in').click();
  }

  it('is accessible', async () => {
    const el = await fixture<RoveAdminSignIn>(html`<rove-admin-sign-in></rove-admin-sign-in>`);
    await expect(el).to.be.accessible();
  });

  it('sends username and password and announces the sign-in', async () => {
    server = new FakeServer()
      .on('POST', '/api/session/admin', { body: { token: 't', role: 'admin' } })
      .install();
    const el = await fixture<RoveAdminSignIn>(html`<rove-admin-sign-in></rove-admin-sign-in>`);
    const signedIn = oneEvent(el, 'admin-signed-in');
    await signInWith(el, 'correct horse');
    await signedIn;
    expect(server.callsTo('POST', '/api/session/admin')[0]?.body).to.deep.equal({
      username: 'admin',
      password: 'correct horse',
    });
  });

  it('says in words when the password is wrong (401)', async () => {
    server = new FakeServer()
      .on('POST', '/api/session/admin', apiError(401, 'unauthenticated', 'Wrong password'))
      .install();
    const el = await fixture<RoveAdminSignIn>(html`<rove-admin-sign-in></rove-admin-sign-in>`);
    await signInWith(el, 'nope');
    const alert = await waitFor(() => getByRole(el, 'alert'), 'the error');
    expect(alert.textContent).to.contain("don't match");
    await expect(el).to.be.accessible();
  });

  it('says how long to wait after too many tries (429)', async () => {
    server = new FakeServer()
      .on(
        'POST',
        '/api/session/admin',
        apiError(429, 'rate_limited', 'Slow down', { 'retry-after': '120' }),
      )
      .install();
    const el = await fixture<RoveAdminSignIn>(html`<rove-admin-sign-in></rove-admin-sign-in>`);
    await signInWith(el, 'again');
    const alert = await waitFor(() => getByRole(el, 'alert'), 'the error');
    expect(alert.textContent).to.contain('wait 2 minutes');
  });

  it('asks for both fields before calling the server', async () => {
    server = new FakeServer().install();
    const el = await fixture<RoveAdminSignIn>(html`<rove-admin-sign-in></rove-admin-sign-in>`);
    getByRole(el, 'button', 'Sign in').click();
    const alert = await waitFor(() => getByRole(el, 'alert'), 'the error');
    expect(alert.textContent).to.contain('password');
    expect(server.calls).to.have.length(0);
  });
});
