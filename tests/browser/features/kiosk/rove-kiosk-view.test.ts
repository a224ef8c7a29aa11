// The kiosk view on an enrolled kiosk whose network is down: everything it shows comes from
// its Dexie replica, and what the patron asks waits in the outbox.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../../src/client/features/kiosk/rove-kiosk-view.js';
import type { RoveKioskView } from '../../../../src/client/features/kiosk/rove-kiosk-view.js';
import { db, setMeta } from '../../../../src/client/core/db/db.js';
import { storeBranch } from '../../../../src/client/core/db/replica.js';
import { getByRole, typeInto, waitFor } from '../../../support/browser/by-role.js';
import { shownText, topics } from '../../../support/browser/fixtures.js';
import { offlineWithReplica } from '../../../support/browser/offline-replica.js';

describe('rove-kiosk-view', () => {
  // No server in component tests: every call fails as with the network down.
  offlineWithReplica({ topics });
  beforeEach(async () => {
    await setMeta('session', {
      role: 'kiosk',
      device: { id: 'kiosk-1', kind: 'kiosk', branchId: 'main', label: 'Lobby kiosk' },
    });
  });

  it('is accessible, idle with one large Ask me', async () => {
    const el = await fixture<RoveKioskView>(html`<rove-kiosk-view></rove-kiosk-view>`);
    await waitFor(() => getByRole(el, 'button', /Ask me/), 'Ask me');
    await expect(el).to.be.accessible();
  });

  it('tells the patron who was called away, and who asked a colleague to come, even after a reload', async () => {
    const id = '00000000-0000-4000-8000-00000000a005';
    const base = {
      id,
      branchId: 'main',
      ticket: 'A5',
      topicId: 'tech',
      skill: 'tech',
      needs: [],
      createdAt: new Date().toISOString(),
    };
    const sam = { displayName: 'Sam' };
    await db.requests.put({ ...base, status: 'claimed', claimedBy: sam, version: 2 });
    await setMeta('kioskCurrentRequest', id);
    let el = await fixture<RoveKioskView>(html`<rove-kiosk-view></rove-kiosk-view>`);
    await waitFor(() => getByRole(el, 'status', /Sam is on the way/), 'Sam on the way');

    // Sam lets it go: back in line, and the kiosk knows whom the patron was expecting.
    await db.requests.put({ ...base, status: 'waiting', version: 3 });
    const released = await waitFor(() => getByRole(el, 'status', /called away/), 'the release');
    await expect(el).to.be.accessible();
    expect(released.textContent).to.match(/Sam was called away\./);
    expect(released.textContent).to.match(/next free person will come/);

    // Sam claims it again, then hands it on; a reload in between forgets nothing.
    await db.requests.put({ ...base, status: 'serving', claimedBy: sam, version: 5 });
    await waitFor(() => getByRole(el, 'status', /Sam is with you/), 'Sam with the patron');
    el.remove();
    await db.requests.put({
      ...base,
      status: 'waiting',
      version: 6,
      handoff: { at: base.createdAt },
    });
    el = await fixture<RoveKioskView>(html`<rove-kiosk-view></rove-kiosk-view>`);
    const handedOn = await waitFor(() => getByRole(el, 'status', /colleague/), 'the hand-off');
    await expect(el).to.be.accessible();
    expect(handedOn.textContent!.replace(/\s+/g, ' ')).to.contain(
      'Sam asked a colleague who knows more about this to come.',
    );
    expect(handedOn.textContent).to.contain('You keep your place in line.');
  });

  it('takes a request offline, says staff may not see it yet, then thanks and forgets the patron', async () => {
    const el = await fixture<RoveKioskView>(html`<rove-kiosk-view></rove-kiosk-view>`);
    (await waitFor(() => getByRole(el, 'button', /Ask me/), 'Ask me')).click();
    (await waitFor(() => getByRole(el, 'button', 'Computers and printing'), 'topics')).click();
    await waitFor(() => getByRole(el, 'textbox'), 'details');
    await expect(el).to.be.accessible();
    typeInto(getByRole(el, 'textbox'), 'Priya by the printers');
    getByRole(el, 'button', 'Send').click();

    await waitFor(() => {
      if (!/may not see your request yet/.test(shownText(el))) throw new Error('not yet');
    }, 'the offline notice');
    await expect(el).to.be.accessible();
    expect(shownText(el)).to.match(/service desk/);
    expect(shownText(el)).not.to.contain('Priya');
    const [entry] = await db.outbox.toArray();
    expect(entry).to.deep.include({ action: 'create' });
    expect(entry!.body).to.deep.include({ topicId: 'tech', name: 'Priya by the printers' });

    // The server's answers arrive: served and resolved.
    await db.transaction('rw', db.outbox, db.requests, async () => {
      await db.outbox.clear();
      await db.requests.put({
        id: entry!.requestId,
        branchId: 'main',
        ticket: 'A7',
        topicId: 'tech',
        skill: 'tech',
        status: 'done',
        needs: [],
        claimedBy: { id: '', displayName: 'Sam' },
        version: 4,
        createdAt: new Date().toISOString(),
      });
    });
    await waitFor(() => {
      if (!/Thank you/.test(shownText(el))) throw new Error('no thanks');
    }, 'the thanks');
    getByRole(el, 'button', 'Start again').click();
    await waitFor(() => getByRole(el, 'button', /Ask me/), 'idle again');
    expect(shownText(el)).not.to.match(/Priya|A7/);
  });

  it('picks the patron’s request up again after a reload', async () => {
    await db.requests.put({
      id: '00000000-0000-4000-8000-0000000000aa',
      branchId: 'main',
      ticket: 'B3',
      topicId: 'history',
      skill: 'history',
      status: 'claimed',
      needs: [],
      claimedBy: { id: '', displayName: 'Hana' },
      version: 2,
      createdAt: new Date().toISOString(),
    });
    await setMeta('kioskCurrentRequest', '00000000-0000-4000-8000-0000000000aa');
    const el = await fixture<RoveKioskView>(html`<rove-kiosk-view></rove-kiosk-view>`);
    await waitFor(() => {
      if (!/Hana is on the way/.test(shownText(el))) throw new Error('not shown');
    }, 'the followed request');
    expect(shownText(el)).to.contain('B3');
  });

  describe('where the service desk is', () => {
    const desk = 'The service desk is on the ground floor, left of the main doors.';

    async function askOffline(el: RoveKioskView) {
      (await waitFor(() => getByRole(el, 'button', /Ask me/), 'Ask me')).click();
      (await waitFor(() => getByRole(el, 'button', 'Computers and printing'), 'topics')).click();
      await waitFor(() => getByRole(el, 'textbox'), 'details');
      getByRole(el, 'button', 'Send').click();
      await waitFor(() => {
        if (!/may not see your request yet/.test(shownText(el))) throw new Error('not yet');
      }, 'the offline notice');
    }

    it('the offline notice says where the desk is, from what the kiosk stored online', async () => {
      await storeBranch({
        id: 'main',
        name: 'Main Library',
        serviceDesk: 'on the ground floor, left of the main doors',
      });
      const el = await fixture<RoveKioskView>(html`<rove-kiosk-view></rove-kiosk-view>`);
      await askOffline(el);
      await expect(el).to.be.accessible();
      expect(shownText(el)).to.contain(`the service desk can help you now. ${desk}`);
    });

    it('the offline notice keeps to “the service desk” when no place was written', async () => {
      await storeBranch({ id: 'main', name: 'Main Library' });
      const el = await fixture<RoveKioskView>(html`<rove-kiosk-view></rove-kiosk-view>`);
      await askOffline(el);
      await expect(el).to.be.accessible();
      expect(shownText(el)).to.contain('the service desk can help you now.');
      expect(shownText(el)).not.to.contain('The service desk is');
    });

    it('a request the server refused sends the patron to the desk, saying where', async () => {
      await storeBranch({ id: 'main', name: 'Main', serviceDesk: 'upstairs by the lifts.' });
      const id = '00000000-0000-4000-8000-00000000d001';
      await db.notices.add({ requestId: id, text: 'Refused', at: new Date().toISOString() });
      await setMeta('kioskCurrentRequest', id);
      const el = await fixture<RoveKioskView>(html`<rove-kiosk-view></rove-kiosk-view>`);
      const said = await waitFor(() => getByRole(el, 'status', /could not be sent/), 'refusal');
      await expect(el).to.be.accessible();
      expect(said.textContent!.replace(/\s+/g, ' ')).to.contain(
        'Please ask at the service desk. The service desk is upstairs by the lifts.',
      );
    });
  });
});
