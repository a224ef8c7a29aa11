import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import {
  branchIdFor,
  type RoveAdminBranchForm,
} from '../../../../src/client/features/admin/rove-admin-branch-form.js';
import { getByRole, typeInto, waitFor } from '../../../support/browser/by-role.js';
import { FakeServer, apiError } from '../../../support/browser/fake-server.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function afterEach(body: () => void): void;

describe('rove-admin-branch-form', () => {
  let server: FakeServer;
  afterEach(() => server?.restore());

  const render = () =>
    fixture<RoveAdminBranchForm>(html`<rove-admin-branch-form></rove-admin-branch-form>`);

  it('is accessible', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
  });

  it('makes the id from the name', () => {
    expect(branchIdFor('  Östra Side Branch! ')).to.equal('ostra-side-branch');
    expect(branchIdFor('!!!')).to.equal('');
  });

  it('adds a branch and says so', async () => {
    server = new FakeServer()
      .on('POST', '/api/branches', (body) => ({ status: 201, body }))
      .install();
    const el = await render();
    typeInto(getByRole(el, 'textbox', /^Branch name/), 'East Side');
    const added = oneEvent(el, 'branch-added');
    getByRole(el, 'button', 'Add branch').click();
    expect((await added).detail).to.deep.equal({ id: 'east-side', name: 'East Side' });
    await waitFor(() =>
      expect(getByRole(el, 'status').textContent).to.contain('East Side is added'),
    );
  });

  it('explains a name that is taken (409) or missing', async () => {
    server = new FakeServer()
      .on('POST', '/api/branches', apiError(409, 'conflict', 'A branch with id main exists'))
      .install();
    const el = await render();
    getByRole(el, 'button', 'Add branch').click();
    await waitFor(() => expect(getByRole(el, 'alert').textContent).to.contain('Please enter'));
    expect(server.calls).to.have.length(0);
    typeInto(getByRole(el, 'textbox', /^Branch name/), 'Main');
    getByRole(el, 'button', 'Add branch').click();
    await waitFor(() =>
      expect(getByRole(el, 'alert').textContent).to.contain(
        "We couldn't add Main: A branch with id main exists.",
      ),
    );
  });
});
