// Signing out on the tablet while a change has not reached the server: the tablet asks in a
// dialog, staying keeps the change and the session, discarding removes it and says so.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../../src/client/features/staff/rove-staff-view.js';
import type { RoveStaffView } from '../../../../src/client/features/staff/rove-staff-view.js';
import { db, getMeta, setMeta } from '../../../../src/client/core/db/db.js';
import { getByRole, queryAllByRole, waitFor } from '../../../support/browser/by-role.js';
import {
  helpRequest,
  lee,
  sam,
  shownText,
  tablet,
  topics,
} from '../../../support/browser/fixtures.js';
import { offlineWithReplica } from '../../../support/browser/offline-replica.js';

/** The element that has focus, looking into shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Sam signed in, offline, with a claim on `ticket` waiting in the outbox. */
async function samWithUnsentClaim() {
  await setMeta('session', { role: 'staff', device: tablet, staff: sam });
  const waiting = helpRequest();
  await db.requests.put(waiting);
  const el = await fixture<RoveStaffView>(html`<rove-staff-view></rove-staff-view>`);
  (await waitFor(() => getByRole(el, 'button', `Claim ${waiting.ticket}`), 'the queue')).click();
  await waitFor(() => getByRole(el, 'heading', 'My request'), 'the pending claim');
  return { el, ticket: waiting.ticket };
}

describe('rove-staff-view signing out with a change not yet sent', () => {
  // The server cannot be reached: nothing in the outbox can be sent.
  offlineWithReplica({ topics, staff: [sam, lee] });

  it('asks first, and staying keeps the session and the change', async () => {
    const { el, ticket } = await samWithUnsentClaim();
    await expect(el).to.be.accessible();
    const signOut = getByRole(el, 'button', 'Sign out');
    signOut.focus();
    signOut.click();
    const dialog = await waitFor(() => getByRole(el, 'dialog', 'Sign out now?'), 'the dialog');
    await expect(el).to.be.accessible();
    expect(dialog.textContent).to.contain(
      `1 change has not reached the server yet: claim ${ticket}.`,
    );
    const stay = getByRole(el, 'button', 'Stay signed in until it is sent');
    expect(focused()).to.equal(stay);

    stay.click();
    await waitFor(() => {
      if (queryAllByRole(el, 'dialog').length) throw new Error('still open');
    }, 'the dialog to close');
    expect(focused()).to.equal(getByRole(el, 'button', 'Sign out'));
    expect(shownText(el)).to.contain('Signed in as Sam');
    expect((await db.outbox.toArray()).map((e) => [e.action, e.actorId])).to.deep.equal([
      ['claim', sam.id],
    ]);
  });

  it('discarding signs out, removes the change and says so', async () => {
    const { el, ticket } = await samWithUnsentClaim();
    getByRole(el, 'button', 'Sign out').click();
    await waitFor(() => getByRole(el, 'dialog', 'Sign out now?'), 'the dialog');
    getByRole(el, 'button', 'Sign out and discard it').click();

    const said = await waitFor(() => getByRole(el, 'status', /discarded/), 'the sign-out note');
    await expect(el).to.be.accessible();
    expect(said.textContent).to.equal(
      `Signed out. 1 change discarded, never sent: claim ${ticket}.`,
    );
    expect(focused()).to.equal(said);
    getByRole(el, 'button', 'Lee');
    expect(await db.outbox.count()).to.equal(0);
    expect(await getMeta<{ role: string }>('session')).to.deep.include({ role: 'tablet' });
  });

  it('signs out at once when everything has been sent', async () => {
    await setMeta('session', { role: 'staff', device: tablet, staff: sam });
    const el = await fixture<RoveStaffView>(html`<rove-staff-view></rove-staff-view>`);
    (await waitFor(() => getByRole(el, 'button', 'Sign out'), 'signed in')).click();
    await waitFor(() => getByRole(el, 'button', 'Sam'), 'the sign-in names');
    expect(queryAllByRole(el, 'dialog')).to.have.length(0);
    expect(queryAllByRole(el, 'status', /discarded/)).to.have.length(0);
  });
});
