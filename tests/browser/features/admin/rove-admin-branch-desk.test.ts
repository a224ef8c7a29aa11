import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/admin/rove-admin-branch-desk.js';
import type { RoveAdminBranchDesk } from '../../../../src/client/features/admin/rove-admin-branch-desk.js';
import type { Branch } from '../../../../src/shared/schemas.js';
import { getByRole, queryAllByRole, typeInto, waitFor } from '../../../support/browser/by-role.js';
import { FakeServer, apiError } from '../../../support/browser/fake-server.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function afterEach(body: () => void): void;

const DESK = 'on the ground floor, left of the main doors';

describe('rove-admin-branch-desk', () => {
  let server: FakeServer;
  afterEach(() => server?.restore());

  const render = (branch: Branch) =>
    fixture<RoveAdminBranchDesk>(
      html`<rove-admin-branch-desk .branch=${branch}></rove-admin-branch-desk>`,
    );
  const field = (el: HTMLElement) =>
    getByRole(el, 'textbox', 'Where is the service desk?') as HTMLInputElement;

  it('is accessible, with a hint on what to write and the place as stored', async () => {
    const el = await render({ id: 'main', name: 'Main Library', serviceDesk: DESK });
    await expect(el).to.be.accessible();
    const input = field(el);
    expect(input.value).to.equal(DESK);
    const hint = el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!);
    expect(hint?.textContent).to.contain('The service desk is …');
    getByRole(el, 'button', 'Clear where the desk is');
  });

  it('saves the place the supervisor writes, trimmed, and says what kiosks will say', async () => {
    server = new FakeServer()
      .on('PATCH', '/api/branches/main', (body) => ({
        body: { id: 'main', name: 'Main Library', ...(body as object) },
      }))
      .install();
    const el = await render({ id: 'main', name: 'Main Library' });
    expect(queryAllByRole(el, 'button').map((b) => b.textContent?.trim())).to.deep.equal([
      'Save where the desk is',
    ]);
    typeInto(field(el), `  ${DESK}  `);
    const changed = oneEvent(el, 'branch-changed');
    getByRole(el, 'button', 'Save where the desk is').click();
    expect((await changed).detail).to.deep.equal({
      id: 'main',
      name: 'Main Library',
      serviceDesk: DESK,
    });
    expect(server.callsTo('PATCH', '/api/branches/main')[0]!.body).to.deep.equal({
      serviceDesk: DESK,
    });
    await waitFor(() =>
      expect(getByRole(el, 'status').textContent).to.contain(`The service desk is ${DESK}.`),
    );
  });

  it('clears the place, so kiosks go back to “the service desk”', async () => {
    server = new FakeServer()
      .on('PATCH', '/api/branches/main', { body: { id: 'main', name: 'Main Library' } })
      .install();
    const el = await render({ id: 'main', name: 'Main Library', serviceDesk: DESK });
    const changed = oneEvent(el, 'branch-changed');
    getByRole(el, 'button', 'Clear where the desk is').click();
    expect((await changed).detail).to.deep.equal({ id: 'main', name: 'Main Library' });
    expect(server.callsTo('PATCH', '/api/branches/main')[0]!.body).to.deep.equal({
      serviceDesk: null,
    });
    await waitFor(() => expect(getByRole(el, 'status').textContent).to.contain('Cleared'));
    await expect(el).to.be.accessible();
  });

  it('asks for words before saving a blank place, and says what the server refused', async () => {
    server = new FakeServer()
      .on('PATCH', '/api/branches/main', apiError(400, 'invalid', 'serviceDesk: too long'))
      .install();
    const el = await render({ id: 'main', name: 'Main Library' });
    typeInto(field(el), '   ');
    getByRole(el, 'button', 'Save where the desk is').click();
    await waitFor(() =>
      expect(getByRole(el, 'alert').textContent).to.contain('Please write where'),
    );
    expect(server.calls).to.have.length(0);
    typeInto(field(el), 'by the stairs');
    getByRole(el, 'button', 'Save where the desk is').click();
    await waitFor(() => expect(getByRole(el, 'alert').textContent).to.contain('too long'));
    await expect(el).to.be.accessible();
  });
});
