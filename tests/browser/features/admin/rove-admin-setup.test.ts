import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/admin/rove-admin-setup.js';
import type { RoveAdminSetup } from '../../../../src/client/features/admin/rove-admin-setup.js';
import { getByRole, typeInto, waitFor } from '../../../support/browser/by-role.js';
import { FakeServer, apiError } from '../../../support/browser/fake-server.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function afterEach(body: () => void): void;

describe('rove-admin-setup', () => {
  let server: FakeServer;
  afterEach(() => server?.restore());

  const setup = () =>
    fixture<RoveAdminSetup>(html`<rove-admin-setup setup-token="tok-123"></rove-admin-setup>`);

  function choose(el: RoveAdminSetup, password: string, again: string) {
    typeInto(getByRole(el, 'textbox', /^New password/), password);
    typeInto(getByRole(el, 'textbox', 'Type the password again'), again);
    getByRole(el, 'button', 'Save password and sign in').click();
  }

  it('is accessible', async () => {
    const el = await setup();
    await expect(el).to.be.accessible();
  });

  it('sends the setup token with the chosen password, then signs in', async () => {
    server = new FakeServer()
      .on('POST', '/api/session/setup', { body: { token: 't', role: 'admin' } })
      .install();
    const el = await setup();
    const signedIn = oneEvent(el, 'admin-signed-in');
    choose(el, 'library-2025', 'library-2025');
    await signedIn;
    expect(server.callsTo('POST', '/api/session/setup')[0]?.body).to.deep.equal({
      setupToken: 'tok-123',
      password: 'library-2025',
    });
  });

  it('catches passwords that differ or are too short, without calling the server', async () => {
    server = new FakeServer().install();
    const el = await setup();
    choose(el, 'library-2025', 'library-2026');
    expect((await waitFor(() => getByRole(el, 'alert'))).textContent).to.contain("don't match");
    choose(el, 'short', 'short');
    await waitFor(() => expect(getByRole(el, 'alert').textContent).to.contain('at least 12'));
    expect(server.calls).to.have.length(0);
  });

  it('explains a used setup link (401)', async () => {
    server = new FakeServer()
      .on('POST', '/api/session/setup', apiError(401, 'unauthenticated', 'Token used'))
      .install();
    const el = await setup();
    choose(el, 'library-2025', 'library-2025');
    const alert = await waitFor(() => getByRole(el, 'alert'));
    expect(alert.textContent).to.contain('already been used');
  });

  it('says so when the link has no token', async () => {
    const el = await fixture<RoveAdminSetup>(html`<rove-admin-setup></rove-admin-setup>`);
    await expect(el).to.be.accessible();
    expect(getByRole(el, 'alert').textContent).to.contain('missing its code');
    expect(getByRole(el, 'link', 'Go to supervisor sign-in').getAttribute('href')).to.equal(
      '/admin',
    );
  });
});
