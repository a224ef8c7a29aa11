// The tablet view working from its Dexie replica with the network down: sign-in names, the
// last-known queue, and a claim that waits in the outbox and shows as pending.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../../src/client/features/staff/rove-staff-view.js';
import type { RoveStaffView } from '../../../../src/client/features/staff/rove-staff-view.js';
import { db, setMeta } from '../../../../src/client/core/db/db.js';
import {
  accessibleName,
  getByRole,
  queryAllByRole,
  waitFor,
} from '../../../support/browser/by-role.js';
import {
  helpRequest,
  lee,
  sam,
  shownText,
  tablet,
  topics,
} from '../../../support/browser/fixtures.js';
import { offlineWithReplica } from '../../../support/browser/offline-replica.js';

/** The headings a screen reader lists, in order: "h1 Who is signing in?". */
const outline = (el: Element) =>
  queryAllByRole(el, 'heading').map((h) => `${h.localName} ${accessibleName(h)}`);

describe('rove-staff-view', () => {
  offlineWithReplica({ topics, staff: [sam, lee] });

  it('is accessible when signed out, offering the staff names', async () => {
    await setMeta('session', { role: 'tablet', device: tablet });
    const el = await fixture<RoveStaffView>(html`<rove-staff-view></rove-staff-view>`);
    await waitFor(() => getByRole(el, 'button', 'Sam'), 'the names');
    await expect(el).to.be.accessible();
    getByRole(el, 'button', 'Lee');
    expect(outline(el)).to.deep.equal(['h1 Who is signing in?']);
  });

  it('names the Loading… screen with an h1 while it learns who the tablet is', async () => {
    window.fetch = () => new Promise<Response>(() => undefined); // the session never answers
    const el = await fixture<RoveStaffView>(html`<rove-staff-view></rove-staff-view>`);
    await expect(el).to.be.accessible();
    expect(outline(el)).to.deep.equal(['h1 Rove staff tablet']);
    expect(getByRole(el, 'status').textContent).to.equal('Loading…');
  });

  it('is as wide as the screen while Loading…, so nothing jumps sideways when the queue comes', async () => {
    // Issue 15 (Lighthouse counted 0.09 of layout shift): the shell lays screens out as items
    // of a flex column, where auto margins alone size the view to its content.
    window.fetch = () => new Promise<Response>(() => undefined); // the session never answers
    const frame = await fixture<HTMLElement>(
      html`<div style="display: flex; flex-direction: column; width: 400px">
        <rove-staff-view></rove-staff-view>
      </div>`,
    );
    const el = frame.querySelector('rove-staff-view')!;
    await el.updateComplete;
    expect(getByRole(el, 'status').textContent).to.equal('Loading…');
    expect(el.getBoundingClientRect().width).to.equal(400);
  });

  it('shows the signed-in screen with the queue it holds, never first as an empty queue', async () => {
    // Issue 15: "Nobody is waiting" showed until the replica was read, then the queue pushed
    // everything under it down (Lighthouse's layout shift on the tablet).
    await setMeta('session', { role: 'staff', device: tablet, staff: sam });
    await db.requests.bulkPut([helpRequest()]);
    const el = document.createElement('rove-staff-view') as RoveStaffView;
    const seen: string[] = [];
    const watcher = new MutationObserver(() => seen.push(shownText(el)));
    document.body.append(el);
    watcher.observe(el.renderRoot, { subtree: true, childList: true, characterData: true });
    try {
      await waitFor(() => getByRole(el, 'heading', 'Queue'), 'the queue');
      await waitFor(() => getByRole(el, 'button', /^Claim/), 'the waiting request');
      expect(seen.filter((text) => text.includes('Nobody is waiting'))).to.deep.equal([]);
    } finally {
      watcher.disconnect();
      el.remove();
    }
  });

  it('paints the signed-in screen top first, then the floor and queue, then notices, frame by frame', async () => {
    // Issue 15: the whole screen in one render was a 100 ms task on a tablet-class CPU
    // (Lighthouse's total blocking time). Each part comes in a task after the one above it
    // was painted, and only below it, so nothing on screen moves.
    await setMeta('session', { role: 'staff', device: tablet, staff: sam });
    await db.requests.bulkPut([helpRequest()]);
    const painted: string[][] = [];
    const walkUpTops = new Set<number>();
    let watching = true;
    const el = document.createElement('rove-staff-view') as RoveStaffView;
    const everyFrame = () => {
      painted.push(outline(el));
      const walkUps = queryAllByRole(el, 'heading').find((h) =>
        accessibleName(h).startsWith('Someone in front of you'),
      );
      if (walkUps) walkUpTops.add(walkUps.getBoundingClientRect().top);
      if (watching) requestAnimationFrame(everyFrame);
    };
    requestAnimationFrame(everyFrame);
    document.body.append(el);
    try {
      await waitFor(() => getByRole(el, 'heading', 'Notices to patrons'), 'the last part');
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const stages = painted.map((headings) =>
        ['Someone in front of you?', 'Queue', 'Notices to patrons']
          .filter((name) => headings.some((h) => h.endsWith(` ${name}`)))
          .join(' + '),
      );
      expect(stages).to.include('Someone in front of you?');
      expect(stages).to.include('Someone in front of you? + Queue');
      expect(stages.at(-1)).to.equal('Someone in front of you? + Queue + Notices to patrons');
      // What came later went below: the walk-up panel never moved.
      expect([...walkUpTops]).to.have.length(1);
    } finally {
      watching = false;
      el.remove();
    }
  });

  it('names the error screen with an h1, with the problem said as an alert', async () => {
    // Offline, and this device never learned it is a tablet.
    const el = await fixture<RoveStaffView>(html`<rove-staff-view></rove-staff-view>`);
    const alert = await waitFor(() => getByRole(el, 'alert'), 'the problem');
    await expect(el).to.be.accessible();
    expect(outline(el)).to.deep.equal(["h1 This tablet can't show the queue"]);
    expect(alert.textContent).to.contain('not enrolled as one');
  });

  it('opens the signed-in screen with one h1 saying whose it is, then My request, walk-ups, the floor, Queue and notices', async () => {
    await setMeta('session', { role: 'staff', device: tablet, staff: sam });
    const mine = helpRequest({ status: 'claimed', claimedBy: sam });
    await db.requests.bulkPut([mine, helpRequest()]);
    const el = await fixture<RoveStaffView>(html`<rove-staff-view></rove-staff-view>`);
    await waitFor(() => getByRole(el, 'heading', 'Notices to patrons'), 'the last part');
    await expect(el).to.be.accessible();
    getByRole(el, 'heading', 'Rove: Signed in as Sam');
    expect(outline(el)).to.deep.equal([
      'h1 Rove: Signed in as Sam',
      'h2 My request',
      `h3 ${mine.ticket}Computers and printing`,
      'h2 Someone in front of you?',
      'h2 On the floor: 0 colleagues',
      'h2 Queue',
      'h2 Notices to patrons',
    ]);
    // On screen it still reads as before: the app's name is for screen readers.
    const h1 = getByRole(el, 'heading', /Signed in as/);
    const appName = Array.from(h1.querySelectorAll('span')).find((s) => s.textContent === 'Rove: ');
    const box = appName!.getBoundingClientRect();
    expect(box.width * box.height).to.be.at.most(1);
  });

  it('shows the queue and takes a claim offline as pending, under My request', async () => {
    await setMeta('session', { role: 'staff', device: tablet, staff: sam });
    const waiting = helpRequest({ name: 'Otto by the stairs' });
    const other = helpRequest({ topicId: 'history', skill: 'history' });
    await db.requests.bulkPut([waiting, other]);
    const el = await fixture<RoveStaffView>(html`<rove-staff-view></rove-staff-view>`);
    await waitFor(() => {
      if (queryAllByRole(el, 'listitem').length !== 2) throw new Error('no queue');
    }, 'the queue');
    await expect(el).to.be.accessible();
    getByRole(el, 'button', 'Sign out');
    getByRole(el, 'link', 'Scripts');

    getByRole(el, 'button', `Claim ${waiting.ticket}`).click();
    await waitFor(() => getByRole(el, 'heading', 'My request'), 'my request');
    await waitFor(() => {
      if (!/Claim waiting to send/.test(shownText(el))) throw new Error('not pending');
    }, 'the pending claim');
    await expect(el).to.be.accessible();
    expect(queryAllByRole(el, 'listitem')).to.have.length(1);
    const [entry] = await db.outbox.toArray();
    expect(entry).to.deep.include({ requestId: waiting.id, action: 'claim', actorId: sam.id });
  });

  it('tells the rover in words when a claim lost', async () => {
    await setMeta('session', { role: 'staff', device: tablet, staff: sam });
    await db.notices.add({
      requestId: 'x',
      text: 'Lee got there first, so ticket A3 is theirs.',
      at: new Date().toISOString(),
    });
    const el = await fixture<RoveStaffView>(html`<rove-staff-view></rove-staff-view>`);
    const alert = await waitFor(() => getByRole(el, 'alert'), 'the notice');
    expect(alert.textContent).to.contain('Lee got there first');
    await expect(el).to.be.accessible();
    getByRole(el, 'button', 'Dismiss').click();
    await waitFor(() => {
      if (queryAllByRole(el, 'alert').length) throw new Error('still there');
    }, 'dismissal');
  });
});
