// The supervisor's Floor screen: today's counts, the queue with its waits (long waits marked in
// words), who is on the floor and with which ticket, notices posted and withdrawn from here,
// large type for a wall display, and the last known floor with its age when the connection
// is gone.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../../src/client/features/admin/rove-admin-floor.js';
import type { RoveAdminFloor } from '../../../../src/client/features/admin/rove-admin-floor.js';
import { db } from '../../../../src/client/core/db/db.js';
import type { ServiceReport } from '../../../../src/shared/report.js';
import type { Notice } from '../../../../src/shared/schemas.js';
import {
  allDeep,
  getByRole,
  queryAllByRole,
  typeInto,
  waitFor,
} from '../../../support/browser/by-role.js';
import { BRANCHES, FakeServer } from '../../../support/browser/fake-server.js';
import {
  helpRequest,
  lee,
  onFloor,
  sam,
  shownText,
  topics,
} from '../../../support/browser/fixtures.js';
import { smallTargets } from '../../../support/browser/touch-targets.js';

// Mocha's globals, as Web Test Runner provides them (no @types/mocha in this project).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function beforeEach(body: () => Promise<void> | void): void;
declare function afterEach(body: () => void): void;

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

/** The figures the Floor screen shows of today's report (the rest of it is the Report's). */
const today = {
  requests: { total: 14, done: 9, cancelled: 2, open: 3 },
  byOrigin: { kiosk: 8, walkUp: 4, handOff: 2 },
  wait: { count: 9, medianSeconds: 240, p90Seconds: 600 },
} as unknown as ServiceReport;

const notice: Notice = {
  id: 'notice-1',
  branchId: 'main',
  text: 'The printers are down until 2 pm',
  until: new Date(Date.now() + 3_600_000).toISOString(),
  by: 'Sam',
};

const longWait = helpRequest({ id: 'r-1', ticket: 'A1', createdAt: minutesAgo(9) });
longWait.escalatedAt = minutesAgo(6);
const served = helpRequest({
  id: 'r-2',
  ticket: 'A2',
  status: 'serving',
  claimedBy: sam,
  createdAt: minutesAgo(12),
});

/** The replica as the branch's stream left it, ten minutes ago. */
async function replicaOfMain() {
  await Promise.all([
    db.requests.clear(),
    db.outbox.clear(),
    db.meta.clear(),
    db.topics.clear(),
    db.staffNames.clear(),
  ]);
  await db.topics.bulkPut(topics);
  await db.requests.bulkPut([longWait, served]);
  await db.meta.bulkPut([
    {
      key: 'presence:main',
      value: [onFloor(lee, { state: 'break' }), onFloor(sam, { busy: true, zone: '2nd floor' })],
    },
    { key: 'notices:main', value: [notice] },
    { key: 'lastSyncAt', value: minutesAgo(10) },
    { key: 'floorCounts:main', value: { report: today, at: minutesAgo(10) } },
  ]);
}

describe('rove-admin-floor', () => {
  let server: FakeServer | undefined;
  beforeEach(async () => {
    localStorage.removeItem('rove.floor.large');
    localStorage.removeItem('rove.floor.branch');
    await replicaOfMain();
  });
  afterEach(() => {
    server?.restore();
    server = undefined;
  });

  it('keeps the last known floor offline, with its age', async () => {
    localStorage.setItem('rove.floor.branch', 'main');
    const realFetch = window.fetch;
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    try {
      const el = await fixture<RoveAdminFloor>(html`<rove-admin-floor></rove-admin-floor>`);
      await waitFor(
        () =>
          // Presence, requests, notices and counts: each its own read of the replica.
          expect(shownText(el))
            .to.match(/10 min ago/)
            .and.contain('On a break')
            .and.contain('1 long wait')
            .and.contain('Asked 14')
            .and.contain(notice.text),
        'the floor as last heard',
      );
      const text = shownText(el);
      expect(text).to.match(/10 min ago/);
      // Today's counts as last read.
      expect(text).to.contain('Asked 14').and.contain('Helped 9').and.contain('4 minutes');
      // The queue: the long wait is said in words, and who is with whom.
      const queue = getByRole(el, 'table', /^Queue: 1 waiting, 1 long wait/);
      const people = getByRole(el, 'table', /^On the floor: 2 people/);
      const rows = [...queryAllByRole(queue, 'row'), ...queryAllByRole(people, 'row')];
      const a1 = rows.find((r) => shownText(r).includes('A1'))!;
      expect(shownText(a1)).to.contain('Long wait').and.contain('Waiting');
      const a2 = rows.find((r) => shownText(r).includes('A2'))!;
      expect(shownText(a2)).to.contain('Being helped by Sam');
      const samRow = rows.find((r) => /^\s*Sam\b/.test(shownText(r)))!;
      expect(shownText(samRow)).to.contain('2nd floor').and.contain('Ticket A2');
      const leeRow = rows.find((r) => /^\s*Lee\b/.test(shownText(r)))!;
      expect(shownText(leeRow)).to.contain('On a break');
      expect(text).to.contain('1 long wait');
      expect(text).to.contain(notice.text);
      await expect(el).to.be.accessible();
    } finally {
      window.fetch = realFetch;
    }
  });

  it('chooses a branch, and posts and withdraws a notice from here', async () => {
    const posted: unknown[] = [];
    server = new FakeServer()
      .on('GET', '/api/branches', { body: { branches: BRANCHES } })
      .on('GET', '/api/branches/main/report', { body: today })
      .on('GET', '/api/branches/east/report', { body: today })
      .on('POST', '/api/branches/main/notices', (body) => {
        posted.push(body);
        return { status: 201, body: { notice: { ...notice, id: 'notice-2' } } };
      })
      .on('DELETE', '/api/notices/notice-1', { status: 204 })
      .install();
    const el = await fixture<RoveAdminFloor>(html`<rove-admin-floor></rove-admin-floor>`);
    const branch = await waitFor(
      () => getByRole<HTMLSelectElement>(el, 'combobox', 'Branch'),
      'the branch choice',
    );
    expect(branch.value).to.equal('main');
    expect(shownText(el)).to.match(/Floor\s*:\s*Main Library/);

    await waitFor(() => expect(shownText(el)).to.contain(notice.text), 'the notice kept');
    typeInto(getByRole(el, 'textbox', 'Tell waiting patrons'), 'Story time at 3');
    const post = getByRole<HTMLButtonElement>(el, 'button', 'Post notice');
    await waitFor(() => expect(post.disabled).to.equal(false), 'Post notice enabled');
    post.click();
    await waitFor(() => expect(posted).to.have.length(1), 'the notice posted');
    expect(posted[0]).to.include({ text: 'Story time at 3' });

    getByRole(el, 'button', `Withdraw: ${notice.text}`).click();
    await waitFor(
      () => server!.callsTo('DELETE', '/api/notices/notice-1').length === 1,
      'withdrawn',
    );

    branch.value = 'east';
    branch.dispatchEvent(new Event('change'));
    await waitFor(
      () => expect(shownText(el)).to.match(/Floor\s*:\s*East Branch/),
      'the other branch',
    );
    expect(localStorage.getItem('rove.floor.branch')).to.equal('east');
    await waitFor(
      () => server!.callsTo('GET', '/api/branches/east/report').length > 0,
      'its counts',
    );
  });

  it("counts today's figures on the branch's own clock once it has a time zone", async () => {
    localStorage.removeItem('rove.floor.branch');
    server = new FakeServer()
      .on('GET', '/api/branches', {
        body: { branches: [{ ...BRANCHES[0]!, timeZone: 'Pacific/Kiritimati' }] },
      })
      .on('GET', '/api/branches/main/report', { body: today })
      .install();
    await fixture<RoveAdminFloor>(html`<rove-admin-floor></rove-admin-floor>`);
    // UTC+14: "today" there is tomorrow for most of the day in UTC.
    const there = new Date().toLocaleDateString('en-CA', { timeZone: 'Pacific/Kiritimati' });
    await waitFor(
      () =>
        server!
          .callsTo('GET', '/api/branches/main/report')
          .some(
            (c) =>
              c.query.tz === 'Pacific/Kiritimati' && c.query.from === there && c.query.to === there,
          ),
      "today's counts at the branch",
    );
  });

  it('has large type for a wall display, remembered on this device', async () => {
    server = new FakeServer()
      .on('GET', '/api/branches', { body: { branches: [BRANCHES[0]] } })
      .on('GET', '/api/branches/main/report', { body: today })
      .install();
    const el = await fixture<RoveAdminFloor>(html`<rove-admin-floor></rove-admin-floor>`);
    const large = await waitFor(() => getByRole(el, 'button', 'Large type'), 'the toggle');
    // One branch: nothing to choose.
    expect(queryAllByRole(el, 'combobox', 'Branch')).to.have.length(0);
    expect(large.getAttribute('aria-pressed')).to.equal('false');
    const before = parseFloat(getComputedStyle(el).fontSize);
    large.click();
    await el.updateComplete;
    expect(large.getAttribute('aria-pressed')).to.equal('true');
    expect(parseFloat(getComputedStyle(el).fontSize)).to.be.greaterThan(before * 1.4);
    expect(localStorage.getItem('rove.floor.large')).to.equal('yes');
    // Every heading grows too, and still stands above the text it names ("Queue", "On the
    // floor", "Notices to patrons"): headings set in rem would stay small on the wall.
    await waitFor(() => getByRole(el, 'table', /^Queue/), 'the queue');
    const text = parseFloat(getComputedStyle(el).fontSize);
    const headings = allDeep(el).filter((h) => /^h[1-6]$/.test(h.localName));
    expect(headings.length).to.be.greaterThan(4);
    const small = headings
      .map((h) => `${h.textContent!.trim()}: ${getComputedStyle(h).fontSize}`)
      .filter((line) => parseFloat(line.split(': ').pop()!) < text);
    expect(small, `headings smaller than the ${text}px text`).to.deep.equal([]);
    // Its sections are one level below the screen's title, the notices among them.
    const levels = headings.map((h) => `${h.localName} ${h.textContent!.trim()}`);
    expect(levels.filter((h) => h.startsWith('h2 '))).to.deep.equal(['h2 Floor: Main Library']);
    expect(levels).to.include('h3 Notices to patrons');
    expect(smallTargets(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();

    const again = await fixture<RoveAdminFloor>(html`<rove-admin-floor></rove-admin-floor>`);
    expect(again.hasAttribute('large')).to.equal(true);
  });

  it('sets the queue beside who is on the floor on a wide wall, above it on a tablet', async () => {
    server = new FakeServer()
      .on('GET', '/api/branches', { body: { branches: [BRANCHES[0]] } })
      .on('GET', '/api/branches/main/report', { body: today })
      .install();
    localStorage.setItem('rove.floor.large', 'yes');
    const lay = async (width: number) => {
      const box = await fixture<HTMLDivElement>(
        html`<div style="width: ${width}px"><rove-admin-floor></rove-admin-floor></div>`,
      );
      const el = box.firstElementChild as RoveAdminFloor;
      // Both read from the replica, each in its own query: wait for the two.
      const [queue, people] = await waitFor(
        () => [getByRole(el, 'table', /^Queue/), getByRole(el, 'table', /^On the floor/)],
        'the queue and who is on the floor',
      );
      return { queue: queue.getBoundingClientRect(), people: people.getBoundingClientRect() };
    };
    // A 1920-pixel wall display, in large type: side by side, each about half of it.
    const wall = await lay(1888);
    expect(wall.people.top).to.equal(wall.queue.top);
    expect(wall.people.left).to.be.greaterThan(wall.queue.right);
    expect(wall.queue.width).to.be.greaterThan(800);
    // A tablet held upright: one above the other, each the whole width.
    const tablet = await lay(760);
    expect(tablet.people.top).to.be.greaterThan(tablet.queue.bottom);
    expect(tablet.people.width).to.be.greaterThan(700);
  });
});
