import { expect, fixture, html } from '@open-wc/testing';
import '../../../../src/client/features/admin/rove-admin-devices.js';
import type { RoveAdminDevices } from '../../../../src/client/features/admin/rove-admin-devices.js';
import { getByRole, queryAllByRole, typeInto, waitFor } from '../../../support/browser/by-role.js';
import { BRANCHES, FakeServer, apiError } from '../../../support/browser/fake-server.js';
import { shownText } from '../../../support/browser/fixtures.js';
import { smallTargets } from '../../../support/browser/touch-targets.js';
import {
  backgroundBehind,
  expectSharedRing,
  keyboardFocus,
} from '../../../support/browser/focus-ring.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function afterEach(body: () => void): void;

/** A tablet enrolled on another screen while the list is open. */
const NEW_TABLET = {
  id: 'd3',
  kind: 'tablet',
  branchId: 'east',
  label: 'Reference desk tablet',
  enrolledAt: new Date().toISOString(),
};

/** Lets the page's visibility be set by the test (Chromium's own is always "visible"). */
function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

const KIOSK = {
  id: 'd1',
  kind: 'kiosk',
  branchId: 'main',
  label: 'Front door kiosk',
  enrolledAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
  lastSeenAt: new Date(Date.now() - 5 * 60_000).toISOString(),
};
const OLD_TABLET = {
  id: 'd2',
  kind: 'tablet',
  branchId: 'east',
  label: 'Old tablet',
  revokedAt: '2025-01-02T10:00:00.000Z',
};

describe('rove-admin-devices', () => {
  let server: FakeServer;
  afterEach(() => server?.restore());

  afterEach(() => {
    delete (document as { visibilityState?: unknown }).visibilityState;
  });

  /** Opens the screen; `devices` is what the server lists, read again on every GET. */
  async function open(devices: object[] = [KIOSK, OLD_TABLET], refreshEvery = 30_000) {
    server = new FakeServer()
      .on('GET', '/api/branches', { body: { branches: BRANCHES } })
      .on('GET', '/api/devices', () => ({ body: { devices: [...devices] } }))
      .install();
    const el = await fixture<RoveAdminDevices>(
      html`<rove-admin-devices .refreshEvery=${refreshEvery}></rove-admin-devices>`,
    );
    await waitFor(() => getByRole(el, 'button', 'Revoke Front door kiosk'), 'the device list');
    return el;
  }

  it('is accessible', async () => {
    const el = await open();
    await expect(el).to.be.accessible();
  });

  it('shows the one shared focus ring on its buttons', async () => {
    const el = await open();
    const refresh = getByRole(el, 'button', 'Refresh');
    await keyboardFocus(refresh);
    expectSharedRing(refresh, backgroundBehind(refresh));
    const revoke = getByRole(el, 'button', 'Revoke Front door kiosk');
    await keyboardFocus(revoke);
    expectSharedRing(revoke, backgroundBehind(revoke));
  });

  it('lists devices with name, kind, branch, when enrolled, last seen and revoked state', async () => {
    const el = await open();
    const kiosk = getByRole(el, 'listitem', /^Front door kiosk/);
    const said = kiosk.textContent!.replace(/\s+/g, ' ');
    expect(said).to.contain('Kiosk at Main Library.');
    expect(said).to.contain('Enrolled 2 hours ago, last seen 5 minutes ago.');
    const tablet = getByRole(el, 'listitem', /^Old tablet/).textContent!.replace(/\s+/g, ' ');
    expect(tablet).to.contain('Tablet at East Branch');
    expect(tablet).to.contain('Enrolled at an unknown time, last seen never.');
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Revoked');
    expect(queryAllByRole(el, 'button', /Revoke Old tablet/)).to.have.length(0);
  });

  it('shows a newly enrolled tablet by itself on the next refresh, and on Refresh', async () => {
    const devices: object[] = [KIOSK, OLD_TABLET];
    const el = await open(devices, 50);
    devices.unshift(NEW_TABLET);
    const item = await waitFor(
      () => getByRole(el, 'listitem', /^Reference desk tablet/),
      'the new tablet after a timed refresh',
    );
    expect(item.textContent!.replace(/\s+/g, ' ')).to.contain(
      'Enrolled just now, last seen never.',
    );
    await expect(el).to.be.accessible();
  });

  it('shows a newly enrolled tablet at once on Refresh', async () => {
    const devices: object[] = [KIOSK];
    const el = await open(devices);
    devices.unshift(NEW_TABLET);
    expect(queryAllByRole(el, 'listitem', /^Reference desk tablet/)).to.have.length(0);
    getByRole(el, 'button', 'Refresh').click();
    await waitFor(() => getByRole(el, 'listitem', /^Reference desk tablet/), 'the new tablet');
  });

  it('asks nothing while the page is hidden, refreshes on coming back, stops when closed', async () => {
    const devices: object[] = [KIOSK];
    const el = await open(devices, 20);
    setVisibility('hidden');
    const whileHidden = server.callsTo('GET', '/api/devices').length;
    devices.unshift(NEW_TABLET);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.callsTo('GET', '/api/devices')).to.have.length(whileHidden);
    expect(queryAllByRole(el, 'listitem', /^Reference desk tablet/)).to.have.length(0);

    setVisibility('visible');
    await waitFor(() => getByRole(el, 'listitem', /^Reference desk tablet/), 'the refresh');

    el.remove();
    const afterClose = server.callsTo('GET', '/api/devices').length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.callsTo('GET', '/api/devices')).to.have.length(afterClose);
  });

  it('makes an enrollment link for the chosen branch and kind, shown as link and QR', async () => {
    const el = await open();
    server.on('POST', '/api/devices/enrollments', {
      status: 201,
      body: { code: 'ABC123', expiresAt: new Date(Date.now() + 15 * 60_000).toISOString() },
    });
    const branch = getByRole<HTMLSelectElement>(el, 'combobox', 'Branch');
    branch.value = 'east';
    getByRole(el, 'radio', /Tablet/).click();
    typeInto(getByRole(el, 'textbox', /^Device name/), 'Reference tablet');
    getByRole(el, 'button', 'Make enrollment link').click();

    const qr = await waitFor(() => getByRole(el, 'img', 'QR code for the enrollment link'));
    expect(qr.tagName.toLowerCase()).to.equal('svg');
    expect(server.callsTo('POST', '/api/devices/enrollments')[0]?.body).to.deep.equal({
      branchId: 'east',
      kind: 'tablet',
      label: 'Reference tablet',
    });
    const enrollment = el.shadowRoot!.querySelector('rove-admin-enrollment')!;
    await waitFor(() =>
      expect(enrollment.shadowRoot!.activeElement?.textContent).to.contain(
        'Enroll Reference tablet',
      ),
    );
    expect(enrollment.shadowRoot!.textContent).to.contain(`${location.origin}/enroll?code=ABC123`);
    await expect(el).to.be.accessible();
  });

  it('asks for a device name before calling the server', async () => {
    const el = await open();
    getByRole(el, 'button', 'Make enrollment link').click();
    const alert = await waitFor(() => getByRole(el, 'alert'));
    expect(alert.textContent).to.contain('name');
    expect(server.callsTo('POST', '/api/devices/enrollments')).to.have.length(0);
  });

  it('revokes only after the confirm step, and "Keep it" backs out', async () => {
    const el = await open();
    server.on('POST', '/api/devices/d1/revoke', () => ({
      body: { device: { ...KIOSK, revokedAt: new Date().toISOString() } },
    }));
    getByRole(el, 'button', 'Revoke Front door kiosk').click();
    const keep = await waitFor(() => getByRole(el, 'button', 'Keep it'));
    expect(el.shadowRoot!.activeElement).to.equal(keep);
    keep.click();
    await waitFor(() => getByRole(el, 'button', 'Revoke Front door kiosk'));
    expect(server.callsTo('POST', '/api/devices/d1/revoke')).to.have.length(0);

    getByRole(el, 'button', 'Revoke Front door kiosk').click();
    (await waitFor(() => getByRole(el, 'button', 'Yes, revoke'))).click();
    await waitFor(() => expect(getByRole(el, 'status').textContent).to.contain('is revoked'));
    expect(server.callsTo('POST', '/api/devices/d1/revoke')).to.have.length(1);
    expect(queryAllByRole(el, 'button', /Revoke Front door kiosk/)).to.have.length(0);
  });

  it('shows the list as the server has it, then says why a revoke was refused', async () => {
    const devices: object[] = [KIOSK, OLD_TABLET];
    const el = await open(devices);
    // Revoked on another screen meanwhile: the server no longer knows this device.
    server.on('POST', '/api/devices/d1/revoke', () => {
      devices.splice(0, 1, { ...KIOSK, revokedAt: new Date().toISOString() });
      return apiError(404, 'not_found', 'No such device');
    });
    getByRole(el, 'button', 'Revoke Front door kiosk').click();
    (await waitFor(() => getByRole(el, 'button', 'Yes, revoke'))).click();
    const alert = await waitFor(() => getByRole(el, 'alert'), 'the reason');
    expect(alert.textContent).to.contain(
      "We couldn't revoke Front door kiosk: it no longer exists",
    );
    expect(queryAllByRole(el, 'button', /Revoke Front door kiosk/)).to.have.length(0);
    expect(queryAllByRole(el, 'button', 'Yes, revoke')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('keeps one alert while refreshes keep failing, and drops it when one works', async () => {
    const el = await open([KIOSK], 30);
    let down = true;
    server.on('GET', '/api/devices', () =>
      down
        ? apiError(503, 'internal', 'The store is not answering')
        : { body: { devices: [KIOSK] } },
    );
    const alert = await waitFor(() => getByRole(el, 'alert'), 'the problem');
    expect(alert.textContent).to.contain("We couldn't load the devices");
    const failed = server.callsTo('GET', '/api/devices').length;
    await waitFor(() => {
      if (server.callsTo('GET', '/api/devices').length < failed + 3) throw new Error('not yet');
    }, 'more failing refreshes');
    // The same element with the same words: nothing new for a screen reader to announce.
    expect(getByRole(el, 'alert')).to.equal(alert);
    down = false;
    await waitFor(() => {
      if (queryAllByRole(el, 'alert').length) throw new Error('still there');
    }, 'the alert gone');
  });

  it('says what went wrong when the server refuses', async () => {
    const el = await open();
    server.on(
      'POST',
      '/api/devices/enrollments',
      apiError(400, 'invalid', 'label must be at most 60 characters'),
    );
    typeInto(getByRole(el, 'textbox', /^Device name/), 'x');
    getByRole(el, 'button', 'Make enrollment link').click();
    const alert = await waitFor(() => getByRole(el, 'alert'));
    expect(alert.textContent).to.contain('label must be at most 60 characters');
  });

  describe('zones', () => {
    const ZONED = [{ ...BRANCHES[0], zones: ['Ground floor', 'Kids’ area'] }, BRANCHES[1]];
    const IN_KIDS = { ...KIOSK, zone: 'Kids’ area' };

    /** Opens the screen on branches with zones; the server keeps the kiosk's zone changes. */
    async function openZoned(kiosk: object = IN_KIDS) {
      const devices: Record<string, unknown>[] = [{ ...kiosk }, { ...NEW_TABLET }];
      server = new FakeServer()
        .on('GET', '/api/branches', { body: { branches: ZONED } })
        .on('GET', '/api/devices', () => ({ body: { devices } }))
        .on('PATCH', '/api/devices/d1', (body) => {
          const zone = (body as { zone: string | null }).zone;
          const { zone: _old, ...rest } = devices[0]!;
          devices[0] = zone === null ? rest : { ...rest, zone };
          return { body: { device: devices[0] } };
        })
        .install();
      const el = await fixture<RoveAdminDevices>(html`<rove-admin-devices></rove-admin-devices>`);
      await waitFor(() => getByRole(el, 'button', 'Revoke Front door kiosk'), 'the device list');
      return el;
    }
    /** What the list says of a device, its zone (in the zone element's shadow root) included. */
    const said = (el: HTMLElement, name: RegExp) => shownText(getByRole(el, 'listitem', name));

    it('gives a new kiosk one of its branch’s zones, and a tablet none', async () => {
      const el = await openZoned();
      server.on('POST', '/api/devices/enrollments', {
        status: 201,
        body: { code: 'ABC123', expiresAt: new Date(Date.now() + 15 * 60_000).toISOString() },
      });
      const zone = getByRole<HTMLSelectElement>(el, 'combobox', /^Zone/);
      expect(Array.from(zone.options, (o) => o.text.trim())).to.deep.equal([
        'No zone',
        'Ground floor',
        'Kids’ area',
      ]);
      zone.value = 'Kids’ area';
      typeInto(getByRole(el, 'textbox', /^Device name/), 'Picture books kiosk');
      getByRole(el, 'button', 'Make enrollment link').click();
      await waitFor(() => getByRole(el, 'img', 'QR code for the enrollment link'));
      expect(server.callsTo('POST', '/api/devices/enrollments')[0]?.body).to.deep.equal({
        branchId: 'main',
        kind: 'kiosk',
        label: 'Picture books kiosk',
        zone: 'Kids’ area',
      });
      await expect(el).to.be.accessible();

      // East Branch has no zones: the form says where to add them instead of offering none.
      const branch = getByRole<HTMLSelectElement>(el, 'combobox', 'Branch');
      branch.value = 'east';
      branch.dispatchEvent(new Event('change'));
      await waitFor(() => expect(shownText(el)).to.contain('East Branch has no zones yet'));
      expect(queryAllByRole(el, 'combobox', /^Zone/)).to.have.length(0);
      branch.value = 'main';
      branch.dispatchEvent(new Event('change'));
      await waitFor(() => getByRole(el, 'combobox', /^Zone/));
      getByRole(el, 'radio', /Tablet/).click();
      await waitFor(() => expect(queryAllByRole(el, 'combobox', /^Zone/)).to.have.length(0));
    });

    it('shows each kiosk’s zone and moves it to another, or to none', async () => {
      const el = await openZoned();
      expect(said(el, /^Front door kiosk/)).to.contain('Zone: Kids’ area.');
      expect(said(el, /^Reference desk tablet/)).not.to.contain('zone');
      getByRole(el, 'button', 'Change zone of Front door kiosk').click();
      const choice = await waitFor(() =>
        getByRole<HTMLSelectElement>(el, 'combobox', 'Zone for Front door kiosk'),
      );
      expect(choice.value).to.equal('Kids’ area');
      await waitFor(() => expect(choice.matches(':focus')).to.equal(true));
      await expect(el).to.be.accessible();
      expect(smallTargets(el)).to.deep.equal([]);
      choice.value = 'Ground floor';
      getByRole(el, 'button', 'Save zone').click();
      await waitFor(() =>
        expect(getByRole(el, 'status').textContent).to.contain(
          'Front door kiosk is now in Ground floor.',
        ),
      );
      expect(said(el, /^Front door kiosk/)).to.contain('Zone: Ground floor.');

      getByRole(el, 'button', 'Change zone of Front door kiosk').click();
      (await waitFor(() => getByRole<HTMLSelectElement>(el, 'combobox', /^Zone for/))).value = '';
      getByRole(el, 'button', 'Save zone').click();
      await waitFor(() => expect(said(el, /^Front door kiosk/)).to.contain('No zone.'));
      expect(server.callsTo('PATCH', '/api/devices/d1').map((c) => c.body)).to.deep.equal([
        { zone: 'Ground floor' },
        { zone: null },
      ]);
      // The next refresh reads the list again and agrees.
      getByRole(el, 'button', 'Refresh').click();
      await waitFor(() => expect(server.callsTo('GET', '/api/devices')).to.have.length(2));
      expect(said(el, /^Front door kiosk/)).to.contain('No zone.');
    });

    it('keeps an open zone choice with its kiosk when a refresh adds a device above', async () => {
      const el = await openZoned();
      getByRole(el, 'button', 'Change zone of Front door kiosk').click();
      await waitFor(() => getByRole(el, 'combobox', 'Zone for Front door kiosk'));
      const lobby = { ...KIOSK, id: 'd9', label: 'Lobby kiosk' };
      server.on('GET', '/api/devices', { body: { devices: [lobby, IN_KIDS, NEW_TABLET] } });
      getByRole(el, 'button', 'Refresh').click();
      await waitFor(() => getByRole(el, 'listitem', /^Lobby kiosk/), 'the new kiosk');
      getByRole(el, 'combobox', 'Zone for Front door kiosk');
      expect(queryAllByRole(el, 'combobox', 'Zone for Lobby kiosk')).to.have.length(0);
    });

    it('says when a kiosk’s zone was taken off the branch, and Cancel changes nothing', async () => {
      const el = await openZoned({ ...KIOSK, zone: 'Old lobby' });
      expect(said(el, /^Front door kiosk/)).to.contain(
        'Zone: Old lobby (no longer one of the branch’s zones).',
      );
      getByRole(el, 'button', 'Change zone of Front door kiosk').click();
      await waitFor(() => getByRole(el, 'combobox', 'Zone for Front door kiosk'));
      getByRole(el, 'button', 'Cancel').click();
      const change = await waitFor(() =>
        getByRole(el, 'button', 'Change zone of Front door kiosk'),
      );
      await waitFor(() => expect(change.matches(':focus')).to.equal(true));
      expect(server.callsTo('PATCH', '/api/devices/d1')).to.have.length(0);
    });

    it('says what the server refused, and keeps the choice open', async () => {
      const el = await openZoned();
      server.on(
        'PATCH',
        '/api/devices/d1',
        apiError(400, 'invalid', 'zone: Main Library has no zone “Ground floor”'),
      );
      getByRole(el, 'button', 'Change zone of Front door kiosk').click();
      const choice = await waitFor(() =>
        getByRole<HTMLSelectElement>(el, 'combobox', 'Zone for Front door kiosk'),
      );
      choice.value = 'Ground floor';
      getByRole(el, 'button', 'Save zone').click();
      await waitFor(() =>
        expect(getByRole(el, 'alert').textContent).to.contain(
          "We couldn't change the zone of Front door kiosk",
        ),
      );
      getByRole(el, 'combobox', 'Zone for Front door kiosk');
      expect(said(el, /^Front door kiosk/)).to.contain('Zone: Kids’ area.');
    });
  });
});
