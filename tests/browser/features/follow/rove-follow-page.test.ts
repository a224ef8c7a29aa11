// The patron's follow page (`/follow/<token>`) against the follow calls of docs/API.md, answered
// at the network boundary: each state it shows (waiting with a place, on the way, paged with
// I'm here, cancelled after a confirm, done with the two questions, an expired link), the
// branch's notices, the phone buzzing, and axe and 48 px targets in each.
import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../../../src/client/features/follow/rove-follow-page.js';
import {
  VIBRATION,
  type RoveFollowPage,
} from '../../../../src/client/features/follow/rove-follow-page.js';
import type {
  FollowNotice,
  FollowView,
} from '../../../../src/client/features/follow/follow-api.js';
import { getByRole, queryAllByRole, waitFor } from '../../../support/browser/by-role.js';
import { FakeServer, apiError } from '../../../support/browser/fake-server.js';
import {
  installFakeStream,
  nthStream,
  restoreStream,
  type FakeEventSource,
} from '../../../support/browser/fake-stream.js';
import { shownText } from '../../../support/browser/fixtures.js';
import { smallTargets } from '../../../support/browser/touch-targets.js';

const TOKEN = 'tok_en-123';
const API = `/api/follow/${TOKEN}`;

const view = (over: Partial<FollowView> = {}): FollowView => ({
  ticket: 'A5',
  status: 'waiting',
  topicLabel: 'Computers and printing',
  claimedBy: null,
  pagedAt: null,
  patronHereAt: null,
  place: { position: 3, estimateMinutes: 8 },
  version: 1,
  feedback: false,
  ...over,
});

const notice = (over: Partial<FollowNotice> = {}): FollowNotice => ({
  id: 'n1',
  branchId: 'main',
  text: 'The printers are down until 2 pm',
  until: new Date(Date.now() + 3_600_000).toISOString(),
  by: 'Supervisor',
  ...over,
});

let server: FakeServer;
let buzzes: unknown[] = [];

async function open(first: FollowView, notices: FollowNotice[] = []) {
  server.on('GET', API, { body: { request: first, notices } });
  const el = await fixture<RoveFollowPage>(
    html`<rove-follow-page token=${TOKEN}></rove-follow-page>`,
  );
  const stream = (await nthStream(1)).accept();
  stream.send('request', { request: first });
  await shows(el, first.ticket);
  return { el, stream };
}

const shows = (el: Element, text: string | RegExp) =>
  waitFor(() => {
    const shown = shownText(el);
    const found = typeof text === 'string' ? shown.includes(text) : text.test(shown);
    if (!found) throw new Error(`"${text}" not in: ${shown}`);
  }, `the page to show ${text}`);

const push = (stream: FakeEventSource, next: FollowView) =>
  stream.send('request', { request: next });

describe('rove-follow-page', () => {
  beforeEach(async () => {
    // The patron has touched the page: only a touched page may buzz.
    await sendMouse({ type: 'click', position: [1, 1] });
    server = new FakeServer().install();
    installFakeStream();
    buzzes = [];
    Object.defineProperty(navigator, 'vibrate', {
      configurable: true,
      value: (pattern: unknown) => {
        buzzes.push(pattern);
        return true;
      },
    });
  });
  afterEach(() => {
    restoreStream();
    server.restore();
    delete (navigator as { vibrate?: unknown }).vibrate;
  });

  it('shows the ticket, the topic, the place in line and the wait, accessibly', async () => {
    const { el } = await open(view());
    const text = shownText(el);
    expect(text).to.contain('A5');
    expect(text).to.contain('Topic: Computers and printing');
    expect(text).to.contain('Waiting for the next free staff member');
    expect(text).to.contain('2 people are ahead of you');
    expect(text).to.contain('about 8 minutes');
    expect(buzzes).to.deep.equal([]);
    await expect(el).to.be.accessible();
    expect(smallTargets(el)).to.deep.equal([]);
  });

  it('says who is on the way, and buzzes once for it', async () => {
    const { el, stream } = await open(view());
    push(stream, view({ status: 'claimed', claimedBy: { displayName: 'Sam' }, version: 2 }));
    await shows(el, 'Sam is on the way');
    expect(buzzes).to.deep.equal([VIBRATION]);
    // The line moving on (same state) does not buzz again.
    push(stream, view({ status: 'claimed', claimedBy: { displayName: 'Sam' }, version: 3 }));
    await el.updateComplete;
    expect(buzzes).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it("shows a page from the kiosk, buzzes, and sends I'm here", async () => {
    const claimed = view({ status: 'claimed', claimedBy: { displayName: 'Sam' }, version: 2 });
    const { el, stream } = await open(claimed);
    const pagedAt = new Date().toISOString();
    push(stream, { ...claimed, pagedAt, version: 3 });
    await shows(el, 'Sam is looking for you at the kiosk');
    expect(buzzes).to.deep.equal([VIBRATION]);
    await expect(el).to.be.accessible();
    expect(smallTargets(el)).to.deep.equal([]);

    server.on('POST', `${API}/here`, {
      body: { request: { ...claimed, patronHereAt: pagedAt, version: 4 } },
    });
    getByRole(el, 'button', "I'm here").click();
    await shows(el, 'Thanks: Sam knows you are here.');
    const [call] = server.callsTo('POST', `${API}/here`);
    expect(call?.body).to.have.property('opId').that.is.a('string');
    expect(queryAllByRole(el, 'button', "I'm here")).to.have.length(0);
  });

  it("shows the request that comes with a refused I'm here, without asking again", async () => {
    const claimed = view({ status: 'claimed', claimedBy: { displayName: 'Sam' }, version: 2 });
    const { el, stream } = await open(claimed);
    push(stream, { ...claimed, pagedAt: new Date().toISOString(), version: 3 });
    await shows(el, 'Sam is looking for you at the kiosk');
    const reads = server.callsTo('GET', API).length;
    // Sam has started meanwhile: the page is over, and the refusal says where things stand.
    const serving = { ...claimed, status: 'serving' as const, version: 4 };
    server.on('POST', `${API}/here`, {
      status: 409,
      body: { error: { code: 'conflict', message: 'The page has ended' }, request: serving },
    });
    getByRole(el, 'button', "I'm here").click();
    await shows(el, 'Sam is with you.');
    expect(server.callsTo('GET', API)).to.have.length(reads);
  });

  it('cancels only after the patron confirms', async () => {
    const { el } = await open(view());
    server.on('POST', `${API}/cancel`, {
      body: { request: view({ status: 'cancelled', place: null, version: 2 }) },
    });
    getByRole(el, 'button', 'Cancel request').click();
    await el.updateComplete;
    expect(shownText(el)).to.contain('lose your place');
    await expect(el).to.be.accessible();
    getByRole(el, 'button', 'No, keep my place').click();
    await el.updateComplete;
    expect(server.callsTo('POST', `${API}/cancel`)).to.have.length(0);

    getByRole(el, 'button', 'Cancel request').click();
    await el.updateComplete;
    getByRole(el, 'button', 'Yes, cancel it').click();
    await shows(el, 'Your request is cancelled.');
    expect(server.callsTo('POST', `${API}/cancel`)).to.have.length(1);
    expect(queryAllByRole(el, 'button', 'Cancel request')).to.have.length(0);
  });

  it('asks the two questions at the end, one tap each, and thanks the patron', async () => {
    const { el } = await open(view({ status: 'done', place: null, version: 5 }));
    server.on('POST', `${API}/feedback`, { status: 201, body: { ok: true } });
    await shows(el, 'How well did we do?');
    await expect(el).to.be.accessible();
    expect(smallTargets(el)).to.deep.equal([]);
    expect(shownText(el)).to.contain('5: very well');
    getByRole(el, 'button', '5').click();
    await shows(el, 'How much did this matter to you today?');
    await expect(el).to.be.accessible();
    getByRole(el, 'button', '4').click();
    await shows(el, 'Thank you for telling us.');
    expect(server.callsTo('POST', `${API}/feedback`).map((c) => c.body)).to.deep.equal([
      { satisfaction: 5, importance: 4 },
    ]);
    expect(queryAllByRole(el, 'button')).to.have.length(0);
  });

  it('thanks the patron anyway when the feedback was already given (409)', async () => {
    const { el } = await open(view({ status: 'done', place: null, version: 5 }));
    server.on('POST', `${API}/feedback`, apiError(409, 'conflict', 'Already answered'));
    getByRole(el, 'button', '3').click();
    await el.updateComplete;
    getByRole(el, 'button', 'Skip this question').click();
    await shows(el, 'Thank you for telling us.');
    expect(server.callsTo('POST', `${API}/feedback`).map((c) => c.body)).to.deep.equal([
      { satisfaction: 3 },
    ]);
    expect(shownText(el)).not.to.contain('try again');
  });

  it('shows the request while its stream is refused, and says it is reconnecting', async () => {
    server.on('GET', API, { body: { request: view(), notices: [] } });
    const el = await fixture<RoveFollowPage>(
      html`<rove-follow-page token=${TOKEN}></rove-follow-page>`,
    );
    (await nthStream(1)).refuse(429);
    await shows(el, '2 people are ahead of you');
    await shows(el, 'Reconnecting');
    await expect(el).to.be.accessible();
  });

  it('says nothing of reconnecting while its stream is still opening', async () => {
    // Issue 15: the note showed until the stream opened, then went, and the page jumped up.
    server.on('GET', API, { body: { request: view(), notices: [] } });
    const el = await fixture<RoveFollowPage>(
      html`<rove-follow-page token=${TOKEN}></rove-follow-page>`,
    );
    const stream = await nthStream(1);
    await shows(el, '2 people are ahead of you');
    expect(shownText(el)).not.to.contain('Reconnecting');
    stream.accept();
    await el.updateComplete;
    expect(shownText(el)).not.to.contain('Reconnecting');
  });

  it('says plainly that a dead link has expired', async () => {
    server.on('GET', API, apiError(404, 'not_found', 'No such follow link'));
    const el = await fixture<RoveFollowPage>(
      html`<rove-follow-page token=${TOKEN}></rove-follow-page>`,
    );
    (await nthStream(1)).refuse(404);
    await shows(el, 'This link has expired');
    await expect(el).to.be.accessible();
    expect(queryAllByRole(el, 'button')).to.have.length(0);
  });

  it("shows the branch's current notices, live, and drops withdrawn and ended ones", async () => {
    const ended = notice({ id: 'old', text: 'Closed yesterday', until: '2020-01-01T00:00:00Z' });
    const { el, stream } = await open(view(), [notice(), ended]);
    await shows(el, 'The printers are down until 2 pm');
    expect(shownText(el)).not.to.contain('Closed yesterday');
    stream.send('notice', { notice: notice({ id: 'n2', text: 'Story time at 11' }) }, 7);
    await shows(el, 'Story time at 11');
    stream.send('notice', { notice: notice(), withdrawn: true }, 8);
    await waitFor(() => {
      if (shownText(el).includes('printers')) throw new Error('still shown');
    }, 'the withdrawn notice to go');
    await expect(el).to.be.accessible();
  });
});
