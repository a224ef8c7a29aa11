// A new request is said in words on the rover's tablet: its ticket and its topic's label, never
// the topic's id, also when the topics reach the tablet after the request or the topic is
// hidden; the queue list names topics the same way.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../../src/client/features/staff/rove-staff-view.js';
import type { RoveStaffView } from '../../../../src/client/features/staff/rove-staff-view.js';
import { db, setMeta } from '../../../../src/client/core/db/db.js';
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
import {
  installFakeStream,
  nthStream,
  restoreStream,
  type FakeEventSource,
} from '../../../support/browser/fake-stream.js';
import type { HelpRequest } from '../../../../src/shared/schemas.js';

let stream: FakeEventSource;
let seq = 1;

/** The signed-in tablet, its stream's (empty) first snapshot in, ready to hear of arrivals. */
async function signedInTablet(): Promise<RoveStaffView> {
  await setMeta('session', { role: 'staff', device: tablet, staff: sam });
  const el = await fixture<RoveStaffView>(html`<rove-staff-view></rove-staff-view>`);
  stream = (await nthStream(1)).accept().snapshot(seq, []);
  await waitFor(() => {
    if (!/Nobody is waiting right now/.test(shownText(el))) throw new Error('no queue yet');
  }, 'the empty queue');
  return el;
}

/** Requests joining the queue, as the stream tells of them. */
const arrive = (...requests: HelpRequest[]) => {
  for (const request of requests) stream.request(++seq, request);
};

/** The words the tablet says, once they are `wanted`. */
async function said(el: RoveStaffView, wanted: string): Promise<HTMLElement> {
  return waitFor(() => {
    const status = getByRole(el, 'status');
    const text = status.textContent?.trim();
    if (text !== wanted) throw new Error(`said "${text}"`);
    return status;
  }, `"${wanted}"`);
}

/** The queue's one entry for `request`, once it shows. */
const listed = (el: RoveStaffView, request: HelpRequest) =>
  waitFor(() => {
    const item = queryAllByRole(el, 'listitem').find((li) =>
      li.textContent?.includes(request.ticket),
    );
    if (!item) throw new Error('not listed');
    return item;
  }, `${request.ticket} in the queue`);

describe('rove-staff-view: new requests in words', () => {
  offlineWithReplica();
  beforeEach(installFakeStream);
  afterEach(restoreStream);

  it('is accessible and says the ticket and the topic’s label', async () => {
    await db.topics.bulkPut(topics);
    const el = await signedInTablet();
    await expect(el).to.be.accessible();
    const request = helpRequest({ topicId: 'history', skill: 'history' });
    arrive(request);
    await said(el, `New request ${request.ticket}: Local history.`);
    await expect(el).to.be.accessible();
    expect((await listed(el, request)).textContent).to.contain('Local history');
  });

  it('says no topic id when the topics have not reached the tablet, and the label once they do', async () => {
    const el = await signedInTablet();
    await expect(el).to.be.accessible();
    const request = helpRequest({ topicId: 'tech', skill: 'tech' });
    arrive(request);
    await said(el, `New request ${request.ticket}.`);
    const item = await listed(el, request);
    expect(item.textContent).not.to.match(/\btech\b/);
    expect(shownText(el)).not.to.match(/\btech\b/);

    await db.topics.bulkPut(topics);
    await said(el, `New request ${request.ticket}: Computers and printing.`);
    expect((await listed(el, request)).textContent).to.contain('Computers and printing');
    await expect(el).to.be.accessible();
  });

  it('names a request whose topic a supervisor has since hidden', async () => {
    await db.topics.bulkPut(topics.map((t) => (t.id === 'tech' ? { ...t, hidden: true } : t)));
    const el = await signedInTablet();
    const request = helpRequest({ topicId: 'tech', skill: 'tech' });
    arrive(request);
    await said(el, `New request ${request.ticket}: Computers and printing.`);
    expect((await listed(el, request)).textContent).to.contain('Computers and printing');
    await expect(el).to.be.accessible();
  });

  it('says each of several arrivals, a topic it does not know without its id', async () => {
    await db.topics.bulkPut(topics);
    const el = await signedInTablet();
    const known = helpRequest({ topicId: 'history', skill: 'history' });
    const unknown = helpRequest({ topicId: 'chess-club', skill: 'general' });
    // Both at once: they joined while the stream was down, and the reconnect's snapshot lists them.
    stream.drop();
    (await nthStream(2)).accept().snapshot(++seq, [known, unknown]);
    const status = await waitFor(() => {
      const found = getByRole(el, 'status');
      if (!found.textContent?.includes(unknown.ticket)) throw new Error('not both yet');
      return found;
    }, 'both arrivals');
    expect(status.textContent).to.contain(`New request ${known.ticket}: Local history.`);
    expect(status.textContent).to.contain(`New request ${unknown.ticket}.`);
    expect(shownText(el)).not.to.contain('chess-club');
  });

  it('says who sent a walk-up and where the patron is; my own send is not announced to me', async () => {
    await db.topics.bulkPut(topics);
    const el = await signedInTablet();
    const fromLee = helpRequest({
      topicId: 'history',
      skill: 'history',
      origin: 'walk-up',
      createdBy: { id: lee.id, displayName: 'Lee' },
      zone: 'Entrance',
      language: 'es',
    });
    arrive(fromLee);
    await said(el, `Lee sent for help, ${fromLee.ticket}: Local history, at Entrance.`);
    const item = await listed(el, fromLee);
    expect(item.textContent).to.match(/Sent by Lee · at Entrance/);
    // The patron's language is said once, by its own name (issue 13), not in the line above.
    expect(item.textContent).to.contain('Español').and.not.contain('speaks Spanish');
    const mine = helpRequest({ origin: 'walk-up', createdBy: { id: sam.id, displayName: 'Sam' } });
    arrive(mine);
    // In the queue as mine, and in what I sent, with the patron still waiting.
    await waitFor(() => {
      if (!shownText(el).includes('Sent by you')) throw new Error('not in the queue yet');
    }, 'my walk-up in the queue');
    expect(shownText(el)).to.contain('Waiting for someone who knows Computers and printing.');
    // Still the words about Lee's: nothing new was said for Sam's own.
    await said(el, `Lee sent for help, ${fromLee.ticket}: Local history, at Entrance.`);
  });
});
