import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/admin/rove-admin-staff-member.js';
import type { RoveAdminStaffMember } from '../../../../src/client/features/admin/rove-admin-staff-member.js';
import { getByRole, typeInto, waitFor } from '../../../support/browser/by-role.js';
import { BRANCHES, FakeServer, SKILLS, apiError } from '../../../support/browser/fake-server.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function afterEach(body: () => void): void;

const SAM = { id: 's1', displayName: 'Sam', skills: ['tech'], branchIds: ['main'], active: false };

describe('rove-admin-staff-member', () => {
  let server: FakeServer;
  afterEach(() => server?.restore());

  const render = () =>
    fixture<RoveAdminStaffMember>(
      html`<rove-admin-staff-member
        .member=${SAM}
        .skills=${SKILLS}
        .branches=${BRANCHES}
      ></rove-admin-staff-member>`,
    );

  it('is accessible', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
  });

  it('shows an inactive person as inactive, with Reactivate', async () => {
    server = new FakeServer()
      .on('PATCH', '/api/staff/s1', { body: { staff: { ...SAM, active: true } } })
      .install();
    const el = await render();
    expect(el.shadowRoot!.textContent).to.contain('inactive');
    const updated = oneEvent(el, 'staff-updated');
    getByRole(el, 'button', 'Reactivate Sam').click();
    const { detail } = await updated;
    expect(detail.active).to.equal(true);
    await waitFor(() => getByRole(el, 'button', 'Deactivate Sam'));
  });

  it('checks a new PIN before sending, and explains a refused one', async () => {
    server = new FakeServer()
      .on('PATCH', '/api/staff/s1', apiError(400, 'invalid', 'pin must match pattern'))
      .install();
    const el = await render();
    getByRole(el, 'button', 'Reset PIN for Sam').click();
    const field = await waitFor(() => getByRole(el, 'textbox', /^New PIN for Sam/));
    expect(el.shadowRoot!.activeElement).to.equal(field);
    typeInto(field, 'abcd');
    getByRole(el, 'button', 'Save new PIN').click();
    await waitFor(() => expect(getByRole(el, 'alert').textContent).to.contain('4 to 8 digits'));
    expect(server.calls).to.have.length(0);

    typeInto(field, '98765');
    getByRole(el, 'button', 'Save new PIN').click();
    await waitFor(() =>
      expect(getByRole(el, 'alert').textContent).to.contain(
        'Please check the form: pin must match',
      ),
    );
    await expect(el).to.be.accessible();
    getByRole(el, 'button', 'Cancel').click();
    await waitFor(() => getByRole(el, 'button', 'Reset PIN for Sam'));
  });
});
