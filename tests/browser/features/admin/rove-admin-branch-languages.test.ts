import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/admin/rove-admin-branch-languages.js';
import type { RoveAdminBranchLanguages } from '../../../../src/client/features/admin/rove-admin-branch-languages.js';
import type { Branch } from '../../../../src/shared/schemas.js';
import { getByRole, queryAllByRole, waitFor } from '../../../support/browser/by-role.js';
import { FakeServer } from '../../../support/browser/fake-server.js';
import { smallTargets } from '../../../support/browser/touch-targets.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function afterEach(body: () => void): void;

const MAIN: Branch = { id: 'main', name: 'Main Library', languages: ['en'] };

describe('rove-admin-branch-languages', () => {
  let server: FakeServer;
  afterEach(() => server?.restore());

  const render = (branch: Branch = MAIN) =>
    fixture<RoveAdminBranchLanguages>(
      html`<rove-admin-branch-languages .branch=${branch}></rove-admin-branch-languages>`,
    );
  const saving = () =>
    new FakeServer()
      .on('PATCH', '/api/branches/main', (body) => ({ body: { ...MAIN, ...(body as object) } }))
      .install();
  const sent = () => server.callsTo('PATCH', '/api/branches/main').map((c) => c.body);
  const offered = (el: HTMLElement) => getByRole(el, 'group', 'Languages the kiosks offer');
  const defaults = (el: HTMLElement) => getByRole(el, 'group', 'Default language');

  it('is accessible, offering each language by its own name', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
    expect(smallTargets(el)).to.deep.equal([]);
    const group = offered(el);
    expect(getByRole<HTMLInputElement>(group, 'checkbox', /^English/).checked).to.equal(true);
    expect(getByRole<HTMLInputElement>(group, 'checkbox', /^Español/).checked).to.equal(false);
    getByRole(group, 'checkbox', /^العربية/);
    getByRole(group, 'checkbox', /中文/);
    // Each name is marked as written in its language, for screen readers.
    expect(group.querySelector('[lang="ar"]')?.textContent).to.equal('العربية');
    expect(
      queryAllByRole(defaults(el), 'radio').map((r) => (r as HTMLInputElement).value),
    ).to.deep.equal(['en']);
  });

  it('adds languages and a new default, and sends the default first', async () => {
    server = saving();
    const el = await render();
    getByRole(offered(el), 'checkbox', /^Español/).click();
    getByRole(offered(el), 'checkbox', /^العربية/).click();
    await el.updateComplete;
    getByRole(defaults(el), 'radio', 'Español').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const changed = oneEvent(el, 'branch-changed');
    getByRole(el, 'button', 'Save languages').click();
    expect(((await changed).detail as Branch).languages).to.deep.equal(['es', 'en', 'ar']);
    expect(sent()).to.deep.equal([{ languages: ['es', 'en', 'ar'] }]);
    await waitFor(() =>
      expect(getByRole(el, 'status').textContent).to.contain(
        'Saved. The kiosks at Main Library offer Español, English, العربية; Español is the default.',
      ),
    );
  });

  it('moves the default on when it is unticked, and refuses an empty list', async () => {
    server = saving();
    const el = await render({ ...MAIN, languages: ['es', 'en'] });
    expect(getByRole<HTMLInputElement>(defaults(el), 'radio', 'Español').checked).to.equal(true);
    getByRole(offered(el), 'checkbox', /^Español/).click();
    await el.updateComplete;
    expect(getByRole<HTMLInputElement>(defaults(el), 'radio', 'English').checked).to.equal(true);
    expect(getByRole(el, 'status').textContent).to.contain('English is now the default.');
    getByRole(offered(el), 'checkbox', /^English/).click();
    await el.updateComplete;
    getByRole(el, 'button', 'Save languages').click();
    await waitFor(() =>
      expect(getByRole(el, 'alert').textContent).to.contain('tick at least one language'),
    );
    expect(sent()).to.have.length(0);
  });

  it('keeps a language the branch has that the kiosk list does not', async () => {
    const el = await render({ ...MAIN, languages: ['en', 'vi'] });
    expect(getByRole<HTMLInputElement>(offered(el), 'checkbox', /^Tiếng Việt/).checked).to.equal(
      true,
    );
  });
});
