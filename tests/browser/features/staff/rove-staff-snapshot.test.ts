// What a rover's tablet announces as the stream starts and restarts: the requests already
// waiting when the first snapshot lands are shown, not announced; a request that joins the
// queue later is; a reconnect's snapshot announces nothing already on screen; a hand-off to a
// skill the rover has is announced again. A topics fetch that never answers does not hold the
// queue back.
import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../../../src/client/features/staff/rove-staff-view.js';
import type { RoveStaffView } from '../../../../src/client/features/staff/rove-staff-view.js';
import { db, setMeta } from '../../../../src/client/core/db/db.js';
import { TOPICS_WAIT_MS } from '../../../../src/client/core/sync/engine.js';
import { getByRole, queryAllByRole, waitFor } from '../../../support/browser/by-role.js';
import {
  helpRequest,
  lee,
  sam,
  shownText,
  tablet,
  topics,
} from '../../../support/browser/fixtures.js';
import { networkDown, offlineWithReplica } from '../../../support/browser/offline-replica.js';
import {
  installFakeStream,
  nthStream,
  restoreStream,
} from '../../../support/browser/fake-stream.js';
import type { HelpRequest, Topic } from '../../../../src/shared/schemas.js';

/** How many times the tablet buzzed for a new request. */
let buzzes = 0;

async function samsTablet(): Promise<RoveStaffView> {
  await setMeta('session', { role: 'staff', device: tablet, staff: sam });
  return fixture<RoveStaffView>(html`<rove-staff-view></rove-staff-view>`);
}

/** The queue's entry for `request`, once it shows (with `text` in it, when given). */
const listed = (el: RoveStaffView, request: HelpRequest, text = '') =>
  waitFor(
    () => {
      const item = queryAllByRole(el, 'listitem').find((li) =>
        li.textContent?.includes(request.ticket),
      );
      if (!item) throw new Error('not listed');
      if (!item.textContent?.includes(text)) throw new Error(`says ${item.textContent}`);
      return item;
    },
    `${request.ticket} in the queue`,
    TOPICS_WAIT_MS + 5000,
  );

const announcement = (el: RoveStaffView) => getByRole(el, 'status').textContent?.trim() ?? '';

async function said(el: RoveStaffView, wanted: string): Promise<void> {
  await waitFor(() => {
    if (announcement(el) !== wanted) throw new Error(`said "${announcement(el)}"`);
  }, `"${wanted}"`);
}

describe('rove-staff-view: announcing only what joins the queue', () => {
  offlineWithReplica({ topics });
  beforeEach(async () => {
    // The rover tapped Sign in: only a tapped page may buzz.
    await sendMouse({ type: 'click', position: [1, 1] });
    installFakeStream();
    buzzes = 0;
    Object.defineProperty(navigator, 'vibrate', {
      configurable: true,
      value: () => {
        buzzes++;
        return true;
      },
    });
  });
  afterEach(() => {
    restoreStream();
    delete (navigator as { vibrate?: unknown }).vibrate;
  });

  it('shows the requests of the first snapshot without a sound, and announces a later one', async () => {
    const el = await samsTablet();
    const tech = helpRequest();
    const history = helpRequest({ topicId: 'history', skill: 'history' });
    const stream = (await nthStream(1)).accept().snapshot(10, [tech, history]);
    await listed(el, tech);
    await listed(el, history);
    await expect(el).to.be.accessible();
    expect(announcement(el)).to.equal('');
    expect(buzzes).to.equal(0);

    const later = helpRequest({ topicId: 'history', skill: 'history' });
    stream.request(11, later);
    await said(el, `New request ${later.ticket}: Local history.`);
    expect(buzzes).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('announces none of the stored queue a reloaded tablet shows, nor what its snapshot adds', async () => {
    const stored = helpRequest();
    await db.requests.put(stored);
    const el = await samsTablet();
    await listed(el, stored);
    const whileClosed = helpRequest();
    (await nthStream(1)).accept().snapshot(20, [stored, whileClosed]);
    await listed(el, whileClosed);
    expect(announcement(el)).to.equal('');
    expect(buzzes).to.equal(0);
  });

  it('asks for a fresh snapshot on each load, not a replay of what happened meanwhile', async () => {
    await db.meta.put({ key: 'lastEventId:branch:main', value: 7 });
    await samsTablet();
    expect((await nthStream(1)).url).not.to.contain('lastEventId');
  });

  it('announces nothing on screen again when a reconnect brings a fresh snapshot', async () => {
    const el = await samsTablet();
    const first = helpRequest();
    const stream = (await nthStream(1)).accept().snapshot(30, [first]);
    await listed(el, first);
    const arrived = helpRequest();
    stream.request(31, arrived);
    await said(el, `New request ${arrived.ticket}: Computers and printing.`);
    expect(buzzes).to.equal(1);

    stream.drop();
    const again = await nthStream(2);
    // After a snapshot, a reconnect resumes; this server no longer holds 31, so it sends a
    // snapshot: the same two requests, one since claimed by Lee.
    expect(again.url).to.contain('lastEventId=31');
    const claimed = { ...first, status: 'claimed' as const, claimedBy: lee, version: 2 };
    again.accept().snapshot(40, [claimed, arrived]);
    await waitFor(() => {
      if (!shownText(el).includes('Lee')) throw new Error('not claimed yet');
    }, 'the claim by Lee');
    expect(buzzes).to.equal(1);
    expect(announcement(el)).not.to.contain(first.ticket);

    const next = helpRequest();
    again.request(41, next);
    await said(el, `New request ${next.ticket}: Computers and printing.`);
    expect(buzzes).to.equal(2);
  });

  it('announces a request handed on to a skill the rover has, not one released', async () => {
    const el = await samsTablet();
    const ours = helpRequest({ status: 'claimed', claimedBy: lee });
    const stream = (await nthStream(1)).accept().snapshot(50, [ours]);
    await listed(el, ours, 'Lee');

    stream.request(51, { ...ours, status: 'waiting', claimedBy: undefined, version: 2 });
    await listed(el, ours, 'Claim');
    expect(buzzes).to.equal(0);

    stream.request(52, { ...ours, status: 'claimed', claimedBy: lee, version: 3 });
    const handedOn: HelpRequest = {
      ...ours,
      status: 'waiting',
      claimedBy: undefined,
      version: 4,
      handoff: { from: lee, note: 'Needs the scanner', at: new Date().toISOString() },
    };
    stream.request(53, handedOn);
    await said(el, `Request ${ours.ticket} handed on: Computers and printing.`);
    expect(buzzes).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('shows the snapshot with the stored topics when the topics fetch never answers', async () => {
    let answerTopics: (topics: Topic[]) => void = () => undefined;
    window.fetch = (input) => {
      if (!String(input).endsWith('/api/branches/main/topics')) return networkDown();
      // Hangs until the test answers, as a server that accepted the call and went quiet.
      return new Promise((resolve) => {
        answerTopics = (list) => resolve(Response.json({ topics: list }));
      });
    };
    // The stream still comes from the fake server, in front of this fetch.
    installFakeStream();
    const el = await samsTablet();
    const waiting = helpRequest();
    const stream = (await nthStream(1)).accept().snapshot(60, [waiting]);
    await listed(el, waiting, 'Computers and printing');
    const later = helpRequest();
    stream.request(61, later);
    await said(el, `New request ${later.ticket}: Computers and printing.`);

    answerTopics(
      topics.map((t) => (t.id === 'tech' ? { ...t, label: 'Computers and phones' } : t)),
    );
    await listed(el, waiting, 'Computers and phones');
    await said(el, `New request ${later.ticket}: Computers and phones.`);
  });
});
