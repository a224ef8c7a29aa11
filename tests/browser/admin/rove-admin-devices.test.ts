import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/client/views/admin/rove-admin-devices.js';
import type { RoveAdminDevices } from '../../../src/client/views/admin/rove-admin-devices.js';
import { getByRole, queryAllByRole, typeInto, waitFor } from './by-role.js';
import { BRANCHES, FakeServer, apiError } from './fake-server.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function afterEach(body: () => void): void;

const KIOSK = {
  id: 'd1',
  kind: 'kiosk',
  branchId: 'main',
  label: 'Front door kiosk',
  enrolledAt: '2025-01-01T10:00:00.000Z',
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

  async function open() {
    server = new FakeServer()
      .on('GET', '/api/branches', { body: { branches: BRANCHES } })
      .on('GET', '/api/devices', { body: { devices: [KIOSK, OLD_TABLET] } })
      .install();
    const el = await fixture<RoveAdminDevices>(html`<rove-admin-devices></rove-admin-devices>`);
    await waitFor(() => getByRole(el, 'button', 'Revoke Front door kiosk'), 'the device list');
    return el;
  }

  it('is accessible', async () => {
    const el = await open();
    await expect(el).to.be.accessible();
  });

  it('lists devices with kind, branch, last seen and revoked state', async () => {
    const el = await open();
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Kiosk at Main Library. Last seen 5 minutes ago.');
    expect(text).to.contain('Tablet at East Branch');
    expect(text).to.contain('Revoked');
    expect(queryAllByRole(el, 'button', /Revoke Old tablet/)).to.have.length(0);
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
});
