import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../../src/client/features/admin/rove-admin-branch-zones.js';
import type { RoveAdminBranchZones } from '../../../../src/client/features/admin/rove-admin-branch-zones.js';
import type { Branch } from '../../../../src/shared/schemas.js';
import { getByRole, queryAllByRole, typeInto, waitFor } from '../../../support/browser/by-role.js';
import { FakeServer, apiError } from '../../../support/browser/fake-server.js';
import { smallTargets } from '../../../support/browser/touch-targets.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function afterEach(body: () => void): void;

const MAIN: Branch = {
  id: 'main',
  name: 'Main Library',
  zones: ['Ground floor', 'Kids’ area', 'Study rooms'],
  escalateAfterSeconds: 180,
};

describe('rove-admin-branch-zones', () => {
  let server: FakeServer;
  afterEach(() => server?.restore());

  const render = (branch: Branch = MAIN) =>
    fixture<RoveAdminBranchZones>(
      html`<rove-admin-branch-zones .branch=${branch}></rove-admin-branch-zones>`,
    );
  /** The zone names as the fields show them, in order. */
  const shown = (el: HTMLElement) =>
    queryAllByRole(el, 'textbox', /^Zone \d+$/).map((f) => (f as HTMLInputElement).value);
  /** Answers the PATCH with the branch as the server would keep it. */
  const saving = () =>
    new FakeServer()
      .on('PATCH', '/api/branches/main', (body) => ({ body: { ...MAIN, ...(body as object) } }))
      .install();
  const sent = () => server.callsTo('PATCH', '/api/branches/main').map((c) => c.body);

  it('is accessible, lists the zones in order, with 48px targets', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
    expect(shown(el)).to.deep.equal(['Ground floor', 'Kids’ area', 'Study rooms']);
    expect(getByRole<HTMLButtonElement>(el, 'button', 'Move Ground floor up').disabled).to.equal(
      true,
    );
    expect(getByRole<HTMLButtonElement>(el, 'button', 'Move Study rooms down').disabled).to.equal(
      true,
    );
    getByRole(el, 'button', 'Remove Kids’ area');
    getByRole(el, 'textbox', 'New zone');
    expect(smallTargets(el)).to.deep.equal([]);
  });

  it('says so when a branch has no zones yet', async () => {
    const el = await render({ id: 'east', name: 'East Branch' });
    expect(el.shadowRoot!.textContent).to.contain('This branch has no zones yet.');
    await expect(el).to.be.accessible();
  });

  it('adds, renames, removes and reorders, then saves the whole list in its new order', async () => {
    server = saving();
    const el = await render();
    typeInto(getByRole(el, 'textbox', 'New zone'), '  Local history room ');
    getByRole(el, 'button', 'Add zone').click();
    await waitFor(() => expect(shown(el)).to.have.length(4));
    expect(getByRole<HTMLInputElement>(el, 'textbox', 'New zone').value).to.equal('');
    expect(getByRole(el, 'status').textContent).to.contain('added as zone 4');

    typeInto(getByRole(el, 'textbox', 'Zone 3'), 'Quiet study');
    getByRole(el, 'button', 'Remove Ground floor').click();
    await waitFor(() => expect(shown(el)).to.have.length(3));
    const up = getByRole(el, 'button', 'Move Local history room up');
    up.click();
    await waitFor(() =>
      expect(shown(el)).to.deep.equal(['Kids’ area', 'Local history room', 'Quiet study']),
    );
    // Focus stays on the button pressed, so a keyboard user can move it again.
    expect(el.shadowRoot!.activeElement?.textContent).to.contain('Move Local history room up');
    expect(sent()).to.have.length(0);
    expect(el.shadowRoot!.textContent).to.contain('Changes not saved yet.');

    const changed = oneEvent(el, 'branch-changed');
    getByRole(el, 'button', 'Save zones').click();
    expect(((await changed).detail as Branch).zones).to.deep.equal([
      'Kids’ area',
      'Local history room',
      'Quiet study',
    ]);
    expect(sent()).to.deep.equal([{ zones: ['Kids’ area', 'Local history room', 'Quiet study'] }]);
    await waitFor(() =>
      expect(getByRole(el, 'status').textContent).to.contain(
        'Saved. Staff at Main Library can choose from 3 zones.',
      ),
    );
    expect(getByRole(el, 'status').textContent).to.contain('keeps it until it is changed');
    expect(el.shadowRoot!.textContent).not.to.contain('Changes not saved yet.');
    await expect(el).to.be.accessible();
  });

  it('says what to fix, zone by zone, before sending anything', async () => {
    server = saving();
    const el = await render();
    typeInto(getByRole(el, 'textbox', 'Zone 1'), '   ');
    typeInto(getByRole(el, 'textbox', 'Zone 3'), 'KIDS’ AREA');
    getByRole(el, 'button', 'Save zones').click();
    const alert = await waitFor(() => getByRole(el, 'alert'));
    expect(alert.textContent).to.contain('Zone 1 has no name.');
    expect(alert.textContent).to.contain('Zone 3, “KIDS’ AREA”, is the same as zone 2.');
    expect(sent()).to.have.length(0);
    const first = getByRole(el, 'textbox', 'Zone 1');
    expect(el.shadowRoot!.activeElement).to.equal(first);
    expect(first.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    // The list of problems follows the fixes as they are typed.
    typeInto(first, 'Ground floor');
    await waitFor(() => expect(getByRole(el, 'alert').textContent).not.to.contain('Zone 1'));
    typeInto(getByRole(el, 'textbox', 'Zone 3'), 'x'.repeat(41));
    await waitFor(() =>
      expect(getByRole(el, 'alert').textContent).to.contain('is 41 characters long; 40 at most'),
    );
    typeInto(getByRole(el, 'textbox', 'Zone 3'), 'Study rooms');
    await waitFor(() => expect(queryAllByRole(el, 'alert')).to.have.length(0));
    getByRole(el, 'button', 'Save zones').click();
    await waitFor(() => expect(sent()).to.have.length(1));
  });

  it('refuses to add a blank name, a name already there, or a 31st zone', async () => {
    const zones = Array.from({ length: 29 }, (_, i) => `Shelf ${i + 1}`);
    const el = await render({ id: 'main', name: 'Main Library', zones });
    const field = getByRole(el, 'textbox', 'New zone');
    const problem = () => el.shadowRoot!.getElementById(field.getAttribute('aria-describedby')!);
    getByRole(el, 'button', 'Add zone').click();
    await waitFor(() => expect(problem()?.textContent).to.contain('The new zone has no name.'));
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    typeInto(field, 'shelf 7');
    getByRole(el, 'button', 'Add zone').click();
    await waitFor(() => expect(problem()?.textContent).to.contain('“shelf 7” is already zone 7.'));
    typeInto(field, 'Reading room');
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await waitFor(() => expect(shown(el)).to.have.length(30));
    typeInto(field, 'Stacks');
    getByRole(el, 'button', 'Add zone').click();
    await waitFor(() => expect(problem()?.textContent).to.contain('at most 30 zones'));
    expect(shown(el)).to.have.length(30);
  });

  it('goes back to the saved list with Undo changes', async () => {
    const el = await render();
    getByRole(el, 'button', 'Remove Study rooms').click();
    await waitFor(() => expect(shown(el)).to.have.length(2));
    getByRole(el, 'button', 'Undo changes').click();
    await waitFor(() =>
      expect(shown(el)).to.deep.equal(['Ground floor', 'Kids’ area', 'Study rooms']),
    );
    expect(queryAllByRole(el, 'button', 'Undo changes')).to.have.length(0);
  });

  it('says what the server refused, and keeps the draft', async () => {
    server = new FakeServer()
      .on('PATCH', '/api/branches/main', apiError(400, 'invalid', 'zones[0]: too long'))
      .install();
    const el = await render();
    typeInto(getByRole(el, 'textbox', 'Zone 1'), 'Lobby');
    getByRole(el, 'button', 'Save zones').click();
    await waitFor(() =>
      expect(getByRole(el, 'alert').textContent).to.contain(
        "We couldn't save the zones. Please check the form: zones[0]: too long.",
      ),
    );
    expect(shown(el)[0]).to.equal('Lobby');
  });
});
