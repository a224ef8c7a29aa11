import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/admin/rove-admin-nav.js';
import type { RoveAdminNav } from '../../../../src/client/features/admin/rove-admin-nav.js';
import { currentRoute, type AppRoute } from '../../../../src/client/app/routes.js';
import { onRouteChange } from '../../../../src/client/core/router.js';
import { getByRole } from '../../../support/browser/by-role.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function afterEach(body: () => void): void;

describe('rove-admin-nav', () => {
  const start = location.pathname;
  afterEach(() => history.replaceState(null, '', start));

  it('is accessible', async () => {
    const el = await fixture<RoveAdminNav>(html`<rove-admin-nav current="staff"></rove-admin-nav>`);
    await expect(el).to.be.accessible();
  });

  it('links every section and marks the current one', async () => {
    const el = await fixture<RoveAdminNav>(html`<rove-admin-nav current="staff"></rove-admin-nav>`);
    const nav = getByRole(el, 'navigation', 'Supervisor sections');
    for (const name of ['Devices', 'Staff', 'Topics', 'Skills', 'Scripts', 'Report', 'Password']) {
      const link = getByRole(nav, 'link', name);
      expect(link.getAttribute('href')).to.equal(`/admin/${name.toLowerCase()}`);
    }
    expect(getByRole(nav, 'link', 'Staff').getAttribute('aria-current')).to.equal('page');
    expect(getByRole(nav, 'link', 'Topics').getAttribute('aria-current')).to.equal('false');
  });

  it('moves within the app on a plain click, so Back works', async () => {
    const el = await fixture<RoveAdminNav>(html`<rove-admin-nav></rove-admin-nav>`);
    const moved = new Promise<AppRoute>((resolve) => {
      const stop = onRouteChange(() => {
        stop();
        resolve(currentRoute());
      });
    });
    getByRole(el, 'link', 'Topics').click();
    const route = await moved;
    expect(location.pathname).to.equal('/admin/topics');
    expect(route).to.include({ name: 'admin', param: 'topics' });
  });

  it('asks to sign out', async () => {
    const el = await fixture<RoveAdminNav>(html`<rove-admin-nav></rove-admin-nav>`);
    const asked = oneEvent(el, 'admin-sign-out');
    getByRole(el, 'button', 'Sign out').click();
    await asked;
  });
});
