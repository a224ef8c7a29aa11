import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/admin/rove-admin-branch-alert.js';
import type { RoveAdminBranchAlert } from '../../../../src/client/features/admin/rove-admin-branch-alert.js';
import type { Branch } from '../../../../src/shared/schemas.js';
import { getByRole, typeInto, waitFor } from '../../../support/browser/by-role.js';
import { FakeServer, apiError } from '../../../support/browser/fake-server.js';
import { smallTargets } from '../../../support/browser/touch-targets.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function afterEach(body: () => void): void;

const MAIN: Branch = { id: 'main', name: 'Main Library', zones: [] };

describe('rove-admin-branch-alert', () => {
  let server: FakeServer;
  afterEach(() => server?.restore());

  const render = (branch: Branch = MAIN) =>
    fixture<RoveAdminBranchAlert>(
      html`<rove-admin-branch-alert .branch=${branch}></rove-admin-branch-alert>`,
    );
  const field = (el: HTMLElement) =>
    getByRole<HTMLInputElement>(el, 'textbox', 'Alert staff when a patron has waited');
  const saving = () =>
    new FakeServer()
      .on('PATCH', '/api/branches/main', (body) => ({ body: { ...MAIN, ...(body as object) } }))
      .install();
  const sent = () => server.callsTo('PATCH', '/api/branches/main').map((c) => c.body);

  it('is accessible, in minutes, with the default of 3 for a branch that never chose', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
    expect(field(el).value).to.equal('3');
    const described = field(el)
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => el.shadowRoot!.getElementById(id)?.textContent)
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(described).to.contain('minutes');
    expect(described).to.contain('Write 0 or “never” to turn the alert off.');
    expect(el.shadowRoot!.textContent).to.contain('Now: staff are alerted after 3 minutes.');
    expect(smallTargets(el)).to.deep.equal([]);
  });

  it('shows a time that is not whole minutes as the server keeps it', async () => {
    const el = await render({ ...MAIN, escalateAfterSeconds: 90 });
    expect(field(el).value).to.equal('1.5');
    expect(el.shadowRoot!.textContent).to.contain('after 1 minute 30 seconds');
  });

  it('saves the minutes written as seconds, and says what staff will get', async () => {
    server = saving();
    const el = await render();
    typeInto(field(el), ' 5 ');
    const changed = oneEvent(el, 'branch-changed');
    getByRole(el, 'button', 'Save the alert time').click();
    expect(((await changed).detail as Branch).escalateAfterSeconds).to.equal(300);
    expect(sent()).to.deep.equal([{ escalateAfterSeconds: 300 }]);
    await waitFor(() =>
      expect(getByRole(el, 'status').textContent).to.contain(
        'Saved. Staff at Main Library are alerted when a patron has waited 5 minutes.',
      ),
    );
  });

  it('turns the alert off with "never" or 0', async () => {
    server = saving();
    const el = await render();
    typeInto(field(el), 'Never');
    getByRole(el, 'button', 'Save the alert time').click();
    await waitFor(() =>
      expect(getByRole(el, 'status').textContent).to.contain('no longer alerted'),
    );
    expect(sent()).to.deep.equal([{ escalateAfterSeconds: 0 }]);
    el.branch = { ...MAIN, escalateAfterSeconds: 0 };
    await el.updateComplete;
    expect(field(el).value).to.equal('0');
    expect(el.shadowRoot!.textContent).to.contain('Now: staff are never alerted');
  });

  it('says what to fix before sending, and what the server refused', async () => {
    server = new FakeServer()
      .on('PATCH', '/api/branches/main', apiError(400, 'invalid', 'escalateAfterSeconds: too big'))
      .install();
    const el = await render();
    typeInto(field(el), 'soon');
    getByRole(el, 'button', 'Save the alert time').click();
    await waitFor(() =>
      expect(getByRole(el, 'alert').textContent).to.contain('Please write how many minutes'),
    );
    expect(el.shadowRoot!.activeElement).to.equal(field(el));
    typeInto(field(el), '2000');
    getByRole(el, 'button', 'Save the alert time').click();
    await waitFor(() =>
      expect(getByRole(el, 'alert').textContent).to.contain('1440 minutes (a day) or less'),
    );
    expect(server.calls).to.have.length(0);
    typeInto(field(el), '20');
    getByRole(el, 'button', 'Save the alert time').click();
    await waitFor(() => expect(getByRole(el, 'alert').textContent).to.contain('too big'));
    await expect(el).to.be.accessible();
  });
});
