import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/admin/rove-admin-branch-time-zone.js';
import type { RoveAdminBranchTimeZone } from '../../../../src/client/features/admin/rove-admin-branch-time-zone.js';
import type { Branch } from '../../../../src/shared/schemas.js';
import { getByRole, queryAllByRole, waitFor } from '../../../support/browser/by-role.js';
import { FakeServer, apiError } from '../../../support/browser/fake-server.js';
import { smallTargets } from '../../../support/browser/touch-targets.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function afterEach(body: () => void): void;

const MAIN: Branch = { id: 'main', name: 'Main Library', zones: [] };
const DEVICE = Intl.DateTimeFormat().resolvedOptions().timeZone;

describe('rove-admin-branch-time-zone', () => {
  let server: FakeServer;
  afterEach(() => server?.restore());

  const render = (branch: Branch = MAIN) =>
    fixture<RoveAdminBranchTimeZone>(
      html`<rove-admin-branch-time-zone .branch=${branch}></rove-admin-branch-time-zone>`,
    );
  const field = (el: HTMLElement) => getByRole<HTMLSelectElement>(el, 'combobox', 'Time zone');
  const choose = (el: HTMLElement, zone: string) => {
    const select = field(el);
    select.value = zone;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  };
  const saving = () =>
    new FakeServer()
      .on('PATCH', '/api/branches/main', (body) => {
        const zone = (body as { timeZone: string | null }).timeZone;
        const { timeZone: _, ...rest } = MAIN;
        return { body: zone ? { ...rest, timeZone: zone } : rest };
      })
      .install();
  const sent = () => server.callsTo('PATCH', '/api/branches/main').map((c) => c.body);

  it('is accessible, and says a branch that never chose has no zone', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
    expect(field(el).value).to.equal('');
    expect(field(el).selectedOptions[0]!.textContent!.trim()).to.equal('Not set');
    expect(el.shadowRoot!.textContent).to.contain('Now: not set.');
    const hint = el.shadowRoot!.getElementById(field(el).getAttribute('aria-describedby')!)!;
    expect(hint.textContent).to.contain('Tickets start again from A1 at midnight on this clock');
    expect(hint.textContent).to.contain('counts in the time zone of the device it is opened on');
    expect(smallTargets(el)).to.deep.equal([]);
  });

  it("offers every zone this browser knows, this device's marked", async () => {
    const el = await render();
    const values = [...field(el).options].map((o) => o.value);
    expect(values.length).to.be.greaterThan(300);
    expect(values).to.include.members(['America/Toronto', 'Europe/Paris', 'UTC', DEVICE]);
    const mine = [...field(el).options].find((o) => o.value === DEVICE)!;
    expect(mine.textContent!.trim()).to.equal(`${DEVICE.replaceAll('_', ' ')} (this device)`);
    const newYork = [...field(el).options].find((o) => o.value === 'America/New_York')!;
    expect(newYork.textContent!.trim()).to.match(/^America\/New York/);
  });

  it("shows the branch's zone and the time there now", async () => {
    const el = await render({ ...MAIN, timeZone: 'Asia/Tokyo' });
    expect(field(el).value).to.equal('Asia/Tokyo');
    const there = new Date().toLocaleString([], {
      timeZone: 'Asia/Tokyo',
      weekday: 'long',
    });
    expect(el.shadowRoot!.textContent).to.contain('Now: Asia/Tokyo, where it is ' + there);
  });

  it('saves the zone chosen, and says what reports will do', async () => {
    server = saving();
    const el = await render();
    choose(el, 'America/Toronto');
    const changed = oneEvent(el, 'branch-changed');
    getByRole(el, 'button', 'Save the time zone').click();
    expect(((await changed).detail as Branch).timeZone).to.equal('America/Toronto');
    expect(sent()).to.deep.equal([{ timeZone: 'America/Toronto' }]);
    await waitFor(() =>
      expect(getByRole(el, 'status').textContent).to.contain(
        'Saved. Reports for Main Library count in America/Toronto.',
      ),
    );
  });

  it('"Not set" clears it', async () => {
    server = saving();
    const el = await render({ ...MAIN, timeZone: 'Europe/Paris' });
    choose(el, '');
    getByRole(el, 'button', 'Save the time zone').click();
    await waitFor(() =>
      expect(getByRole(el, 'status').textContent).to.contain('Main Library has no time zone'),
    );
    expect(sent()).to.deep.equal([{ timeZone: null }]);
  });

  it('keeps a choice not yet saved when the branch is saved elsewhere, not for another branch', async () => {
    const el = await render({ ...MAIN, timeZone: 'Europe/Paris' });
    choose(el, 'Asia/Tokyo');
    el.branch = { ...MAIN, timeZone: 'Europe/Paris', name: 'Main Library (renamed)' };
    await el.updateComplete;
    expect(field(el).value).to.equal('Asia/Tokyo');
    el.branch = { id: 'east', name: 'East Branch', zones: [] };
    await el.updateComplete;
    expect(field(el).value).to.equal('');
  });

  it('says why a save failed, in words, and keeps the choice', async () => {
    server = new FakeServer()
      .on('PATCH', '/api/branches/main', () =>
        apiError(400, 'invalid', 'timeZone: "Asia/Tokyo" is not a time zone this server knows'),
      )
      .install();
    const el = await render();
    choose(el, 'Asia/Tokyo');
    getByRole(el, 'button', 'Save the time zone').click();
    const alert = await waitFor(() => getByRole(el, 'alert'));
    expect(alert.textContent).to.match(/time zone/);
    expect(field(el).value).to.equal('Asia/Tokyo');
    expect(queryAllByRole(el, 'status')[0]!.textContent!.trim()).to.equal('');
  });
});
