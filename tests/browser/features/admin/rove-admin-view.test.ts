import { expect, fixture, html } from '@open-wc/testing';
import '../../../../src/client/features/admin/rove-admin-view.js';
import type { RoveAdminView } from '../../../../src/client/features/admin/rove-admin-view.js';
import { getByRole, typeInto, waitFor } from '../../../support/browser/by-role.js';
import { BRANCHES, FakeServer, SKILLS, apiError } from '../../../support/browser/fake-server.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function afterEach(body: () => void): void;

describe('rove-admin-view', () => {
  let server: FakeServer;
  const start = location.pathname + location.search;
  afterEach(() => {
    server?.restore();
    history.replaceState(null, '', start);
  });

  function serve(role: 'admin' | null) {
    server = new FakeServer()
      .on('GET', '/api/session', { body: { role } })
      .on('GET', '/api/branches', { body: { branches: BRANCHES } })
      .on('GET', '/api/devices', { body: { devices: [] } })
      .on('GET', '/api/staff', { body: { staff: [] } })
      .on('GET', '/api/skills', { body: { skills: SKILLS } })
      .on('GET', '/api/branches/main/topics', { body: { topics: [] } })
      .on('DELETE', '/api/session', { status: 204 })
      .on('POST', '/api/session/admin', { body: { token: 't', role: 'admin' } })
      .on('POST', '/api/session/setup', { body: { token: 't', role: 'admin' } })
      .install();
  }

  it('is accessible, and asks a signed-out supervisor to sign in', async () => {
    serve(null);
    const el = await fixture<RoveAdminView>(html`<rove-admin-view></rove-admin-view>`);
    await waitFor(() => getByRole(el, 'button', 'Sign in'));
    await expect(el).to.be.accessible();
  });

  it('signs in, shows the sections, and signs out', async () => {
    serve(null);
    const el = await fixture<RoveAdminView>(html`<rove-admin-view></rove-admin-view>`);
    const password = await waitFor(() => getByRole(el, 'textbox', 'Password'));
    typeInto(password, 'demo-demo');
    getByRole(el, 'button', 'Sign in').click();
    await waitFor(() => getByRole(el, 'navigation', 'Supervisor sections'));
    await waitFor(() => getByRole(el, 'heading', 'Devices'));
    await expect(el).to.be.accessible();

    getByRole(el, 'button', 'Sign out').click();
    await waitFor(() => getByRole(el, 'button', 'Sign in'));
    expect(getByRole(el, 'status').textContent).to.contain('signed out');
    expect(server.callsTo('DELETE', '/api/session')).to.have.length(1);
  });

  it('shows the section named by the route', async () => {
    serve('admin');
    const el = await fixture<RoveAdminView>(
      html`<rove-admin-view section="staff"></rove-admin-view>`,
    );
    await waitFor(() => getByRole(el, 'heading', 'Staff'));
    expect(getByRole(el, 'link', 'Staff').getAttribute('aria-current')).to.equal('page');
    el.section = 'topics';
    await waitFor(() => getByRole(el, 'heading', 'Topics'));
  });

  it('lets the Floor use the width of a wall display, and keeps other sections readable', async () => {
    serve('admin');
    const box = await fixture<HTMLDivElement>(
      // As the app's main column holds it: a flex column, where auto margins shrink a child.
      html`<div style="width: 1920px; display: flex; flex-direction: column">
        <rove-admin-view section="staff"></rove-admin-view>
      </div>`,
    );
    const el = box.querySelector('rove-admin-view')!;
    await waitFor(() => getByRole(el, 'heading', 'Staff'));
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    // 60rem of text, and its padding.
    expect(el.getBoundingClientRect().width).to.be.at.most(62 * rem);
    el.section = 'floor';
    await el.updateComplete;
    expect(el.getBoundingClientRect().width).to.equal(1920);
  });

  it('keeps a Scripts slot in the nav', async () => {
    serve('admin');
    const el = await fixture<RoveAdminView>(
      html`<rove-admin-view section="scripts"></rove-admin-view>`,
    );
    await waitFor(() => getByRole(el, 'heading', 'Scripts'));
    expect(getByRole(el, 'link', 'Scripts').getAttribute('aria-current')).to.equal('page');
  });

  it('opens the service report from the nav', async () => {
    serve('admin');
    server.on('GET', '/api/branches/main/report', apiError(400, 'invalid', 'no figures here'));
    const el = await fixture<RoveAdminView>(
      html`<rove-admin-view section="report"></rove-admin-view>`,
    );
    await waitFor(() => getByRole(el, 'heading', 'Service report'));
    expect(getByRole(el, 'link', 'Report').getAttribute('aria-current')).to.equal('page');
    await waitFor(() => getByRole(el, 'alert'));
    expect(server.callsTo('GET', '/api/branches/main/report')).to.have.length(1);
  });

  it('opens the Password section from the nav, as the other sections', async () => {
    serve('admin');
    server.on('POST', '/api/session/admin/password', { status: 204 });
    const el = await fixture<RoveAdminView>(
      html`<rove-admin-view section="password"></rove-admin-view>`,
    );
    await waitFor(() => getByRole(el, 'heading', 'Password'));
    expect(getByRole(el, 'link', 'Password').getAttribute('aria-current')).to.equal('page');
    getByRole(el, 'form', 'Change the admin password');
    await expect(el).to.be.accessible();
    typeInto(getByRole(el, 'textbox', 'Current password'), 'the old password');
    typeInto(getByRole(el, 'textbox', /^New password/), 'a much longer new one');
    typeInto(getByRole(el, 'textbox', 'Type the new password again'), 'a much longer new one');
    getByRole(el, 'button', 'Change password').click();
    await waitFor(() => expect(getByRole(el, 'status').textContent).to.contain('Password changed'));
    // Still signed in: the nav stays, no sign-in form.
    getByRole(el, 'navigation', 'Supervisor sections');
    expect(server.callsTo('POST', '/api/session/admin/password')).to.have.length(1);
  });

  it('lands the first-start setup link on the password form, using the token in the URL', async () => {
    serve(null);
    history.replaceState(null, '', '/admin/setup?token=first-start-token');
    const el = await fixture<RoveAdminView>(
      html`<rove-admin-view section="setup"></rove-admin-view>`,
    );
    const first = await waitFor(() => getByRole(el, 'textbox', /^New password/));
    await expect(el).to.be.accessible();
    typeInto(first, 'library-2025');
    typeInto(getByRole(el, 'textbox', 'Type the password again'), 'library-2025');
    getByRole(el, 'button', 'Save password and sign in').click();
    await waitFor(() => expect(location.pathname).to.equal('/admin/devices'));
    expect(server.callsTo('POST', '/api/session/setup')[0]?.body).to.deep.equal({
      setupToken: 'first-start-token',
      password: 'library-2025',
    });
    await waitFor(() => getByRole(el, 'navigation', 'Supervisor sections'));
  });
});
