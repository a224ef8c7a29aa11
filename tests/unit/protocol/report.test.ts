// docs/API.md "Service report": requests made through the real API by a kiosk and two rovers,
// moved through claim, release, start, transfer, resolve and cancel, then the supervisor's
// report for the branch, checked figure by figure against the times the API itself answered.
import { Value } from '@sinclair/typebox/value';
import { beforeAll, describe, expect, it } from 'vitest';
import { ServiceReport } from '../../../src/shared/report.js';
import {
  expectError,
  forEachStore,
  type Json,
  type Kiosk,
  type Rover,
} from '../../support/server.js';

const DAY_MS = 86_400_000;

/** PostgreSQL's percentile_cont, written out: linear between the two nearest ranks. */
function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (rank - below);
}

const ms = (iso: string) => Date.parse(iso);
/** As the report gives durations: seconds, to the millisecond. */
const seconds = (value: number | null) => (value === null ? null : Math.round(value) / 1000);

/** The calendar day (YYYY-MM-DD) of `iso` in `tz`, `shift` days later. */
function dayIn(tz: string, iso: string, shift = 0): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(new Date(iso));
  return new Date(Date.parse(`${day}T00:00:00Z`) + shift * DAY_MS).toISOString().slice(0, 10);
}

function hourIn(tz: string, iso: string): number {
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', hour12: false })
    .format(new Date(iso))
    .replace(/\D/g, '');
  return Number(hour) % 24;
}

forEachStore('service report', (server) => {
  const report = async (branchId: string, query: string, token?: string) =>
    server.get(`/api/branches/${branchId}/report?${query}`, token ?? (await server.adminToken()));

  describe('a day of service, figure by figure', () => {
    const TZ = 'America/New_York';
    let branchId: string;
    let kiosk: Kiosk;
    let sam: Rover;
    let ada: Rover;
    let topics: string[];
    /** Per request: when it was made, first claimed, last started and closed (API times). */
    const made: Json[] = [];
    const firstClaims: (string | undefined)[] = [];
    const finals: Json[] = [];
    let body: Json;

    const create = async (topicId: string, extra = {}) => {
      const request = await server.createRequest(kiosk, { topicId, ...extra });
      made.push(request);
      firstClaims.push(undefined);
      return made.length - 1;
    };
    const act = async (i: number, who: Rover | Kiosk, action: string, extra = {}) => {
      const request = await server.must(who.token, made[i].id, action, extra);
      if (action === 'claim') firstClaims[i] ??= request.claimedAt;
      finals[i] = request;
      return request;
    };

    beforeAll(async () => {
      branchId = await server.newBranch('Report branch');
      kiosk = await server.kiosk(branchId);
      sam = await server.rover(branchId, { displayName: 'Sam Report', skills: ['tech'] });
      ada = await server.rover(branchId, { displayName: 'Ada Report', skills: ['history'] });
      topics = await server.topicIds(branchId, kiosk.token);
      const [tech, books] = topics as [string, string];

      // 0: answered by Sam after a start, effort 2.
      await create(tech, { name: 'Patron Zelda', note: 'Secret printer trouble' });
      await act(0, sam, 'claim');
      await act(0, sam, 'start');
      await act(0, sam, 'resolve', { outcome: 'answered', effort: 2 });
      // 1: Sam claims and lets go; Ada takes it, referred, effort 5.
      await create(tech);
      await act(1, sam, 'claim');
      await act(1, sam, 'release');
      await act(1, ada, 'claim');
      await act(1, ada, 'start');
      await act(1, ada, 'resolve', { outcome: 'referred', effort: 5 });
      // 2: Sam hands it to local history; Ada serves it, follow-up, no grade.
      await create(books);
      await act(2, sam, 'claim');
      await act(2, sam, 'start');
      await act(2, sam, 'transfer', { skill: 'history', note: 'Hand-off secret note' });
      await act(2, ada, 'claim');
      await act(2, ada, 'start');
      await act(2, ada, 'resolve', { outcome: 'follow-up' });
      // 3: the patron cancels at the kiosk before anyone comes.
      await create(books);
      await act(3, kiosk, 'cancel');
      // 4: Sam is on the way, then cancels it himself (a colleague may not: actions.test.ts).
      await create(tech);
      await act(4, sam, 'claim');
      await act(4, sam, 'cancel');
      // 5: handed on twice, then Sam marks it a no-show without starting (effort 1).
      await create(tech);
      await act(5, sam, 'claim');
      await act(5, sam, 'transfer', { skill: 'history' });
      await act(5, ada, 'claim');
      await act(5, ada, 'transfer', { skill: 'tech' });
      await act(5, sam, 'claim');
      await act(5, sam, 'resolve', { outcome: 'no-show', effort: 1 });
      // 6: still waiting; 7: Sam on the way; 8: Ada serving.
      await create(books);
      await create(tech);
      await act(7, sam, 'claim');
      await create(books);
      await act(8, ada, 'claim');
      await act(8, ada, 'start');

      const first = made[0].createdAt as string;
      const answer = await report(
        branchId,
        `from=${dayIn(TZ, first, -1)}&to=${dayIn(TZ, first, 1)}&tz=${encodeURIComponent(TZ)}`,
      );
      expect(answer.status, answer.text).toBe(200);
      body = answer.body;
    });

    it('answers the shape of the shared schema', () => {
      expect(
        Value.Check(ServiceReport, body),
        JSON.stringify([...Value.Errors(ServiceReport, body)]),
      ).toBe(true);
      expect(body).toMatchObject({ branchId, tz: TZ });
    });

    it('counts the requests and how they ended', () => {
      expect(body.requests).toEqual({ total: 9, done: 4, cancelled: 2, open: 3 });
      expect(body.outcomes).toEqual({ answered: 1, referred: 1, 'follow-up': 1, 'no-show': 1 });
      expect(body.cancelled).toEqual({ byKiosk: 1, byStaff: 1, unknown: 0 });
      expect(body.open).toEqual({ waiting: 1, claimed: 1, serving: 1 });
      // Every one came from the kiosk.
      expect(body.byOrigin).toEqual({ kiosk: 9, walkUp: 0, handOff: 0 });
    });

    it('measures the wait to the first claim, not to a later one', () => {
      const waits = made.flatMap((request, i) =>
        firstClaims[i] ? [ms(firstClaims[i]!) - ms(request.createdAt)] : [],
      );
      expect(waits).toHaveLength(7);
      expect(body.wait).toEqual({
        count: 7,
        medianSeconds: seconds(percentile(waits, 0.5)),
        p90Seconds: seconds(percentile(waits, 0.9)),
      });
    });

    it('measures time with the patron from start to resolve', () => {
      const served = [0, 1, 2].map((i) => ms(finals[i].closedAt) - ms(finals[i].servedAt));
      expect(body.withPatron).toEqual({
        count: 3,
        medianSeconds: seconds(percentile(served, 0.5)),
        p90Seconds: seconds(percentile(served, 0.9)),
      });
    });

    it('counts hand-offs and the skills they went to', () => {
      expect(body.handoffs).toEqual({
        total: 3,
        requests: 2,
        toSkills: [
          { skill: 'history', count: 2 },
          { skill: 'tech', count: 1 },
        ],
      });
    });

    it('spreads effort grades over 1 to 6', () => {
      expect(body.effort).toEqual({
        grades: [
          { grade: 1, count: 1 },
          { grade: 2, count: 1 },
          { grade: 3, count: 0 },
          { grade: 4, count: 0 },
          { grade: 5, count: 1 },
          { grade: 6, count: 0 },
        ],
        ungraded: 1,
      });
    });

    it('gives each topic its count and median wait', async () => {
      const all = await server.ok(
        'GET',
        `/api/branches/${branchId}/topics`,
        { token: await server.adminToken() },
        200,
      );
      const label = (id: string) => all.topics.find((t: Json) => t.id === id).label;
      const waitsOf = (topicId: string) =>
        made.flatMap((request, i) =>
          request.topicId === topicId && firstClaims[i]
            ? [ms(firstClaims[i]!) - ms(request.createdAt)]
            : [],
        );
      const [tech, books] = topics as [string, string];
      expect(body.topics).toEqual([
        {
          topicId: tech,
          label: label(tech),
          count: 5,
          medianWaitSeconds: seconds(percentile(waitsOf(tech), 0.5)),
          byOrigin: { kiosk: 5, walkUp: 0, handOff: 0 },
        },
        {
          topicId: books,
          label: label(books),
          count: 4,
          medianWaitSeconds: seconds(percentile(waitsOf(books), 0.5)),
          byOrigin: { kiosk: 4, walkUp: 0, handOff: 0 },
        },
      ]);
    });

    it("counts requests by hour of the day in the branch's time zone", () => {
      const expected = Array.from({ length: 24 }, (_, hour) => ({
        hour,
        count: made.filter((request) => hourIn(TZ, request.createdAt) === hour).length,
      }));
      expect(body.hours).toEqual(expected);
      expect(expected.reduce((sum, row) => sum + row.count, 0)).toBe(9);
    });

    it('counts what each staff member resolved', () => {
      expect(body.staff).toEqual([
        { staffId: ada.staff.id, displayName: 'Ada Report', resolved: 2 },
        { staffId: sam.staff.id, displayName: 'Sam Report', resolved: 2 },
      ]);
    });

    it('holds no patron text', () => {
      const text = JSON.stringify(body);
      for (const secret of ['Zelda', 'Secret printer', 'Hand-off secret']) {
        expect(text).not.toContain(secret);
      }
    });
  });

  it('counts a request on the day it was made in the chosen time zone', async () => {
    const scene = await server.scene();
    const request = await server.createRequest(scene.kiosk);
    for (const tz of ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      const totalOn = async (shift: number) => {
        const day = dayIn(tz, request.createdAt, shift);
        const answer = await report(scene.branchId, `from=${day}&to=${day}&tz=${tz}`);
        expect(answer.status, answer.text).toBe(200);
        return answer.body.requests.total;
      };
      expect([await totalOn(-1), await totalOn(0), await totalOn(1)], tz).toEqual([0, 1, 0]);
    }
  });

  it('times the wait to the first claim when a request was released and claimed again', async () => {
    const scene = await server.scene();
    const other = await server.rover(scene.branchId);
    const request = await server.createRequest(scene.kiosk);
    const first = await server.must(scene.rover.token, request.id, 'claim');
    await server.must(scene.rover.token, request.id, 'release');
    const second = await server.must(other.token, request.id, 'claim');
    expect(ms(second.claimedAt)).toBeGreaterThan(ms(first.claimedAt));
    const day = dayIn('UTC', request.createdAt);
    const answer = await report(scene.branchId, `from=${day}&to=${day}`);
    const wait = seconds(ms(first.claimedAt) - ms(request.createdAt));
    expect(answer.body.wait).toEqual({ count: 1, medianSeconds: wait, p90Seconds: wait });
    expect(answer.body.open).toEqual({ waiting: 0, claimed: 1, serving: 0 });
  });

  it('answers an empty range with zeros and no medians', async () => {
    const branchId = await server.newBranch('Quiet branch');
    const answer = await report(branchId, 'from=2024-01-01&to=2024-12-31');
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({
      branchId,
      from: '2024-01-01',
      to: '2024-12-31',
      tz: 'UTC',
      requests: { total: 0, done: 0, cancelled: 0, open: 0 },
      byOrigin: { kiosk: 0, walkUp: 0, handOff: 0 },
      wait: { count: 0, medianSeconds: null, p90Seconds: null },
      withPatron: { count: 0, medianSeconds: null, p90Seconds: null },
      handoffs: { total: 0, requests: 0, toSkills: [] },
      effort: { ungraded: 0 },
      topics: [],
      staff: [],
    });
    expect(answer.body.hours).toHaveLength(24);
    expect(answer.body.hours.every((row: Json) => row.count === 0)).toBe(true);
    expect(answer.body.effort.grades.map((row: Json) => row.count)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('is for admins only', async () => {
    const scene = await server.scene();
    const path = `/api/branches/${scene.branchId}/report?from=2026-01-01&to=2026-01-02`;
    expectError(await server.get(path), 401, 'unauthenticated');
    expectError(await server.get(path, 'not-a-token'), 401, 'unauthenticated');
    expectError(await server.get(path, scene.kiosk.token), 403, 'forbidden');
    expectError(await server.get(path, scene.rover.tabletToken), 403, 'forbidden');
    expectError(await server.get(path, scene.rover.token), 403, 'forbidden');
  });

  it('answers 404 for a branch that does not exist', async () => {
    expectError(await report('no-such-branch', 'from=2026-01-01&to=2026-01-02'), 404, 'not_found');
  });

  it('refuses a bad range or time zone with 400', async () => {
    const branchId = await server.newBranch('Bad input branch');
    const bad = [
      '',
      'from=2026-01-01',
      'to=2026-01-01',
      'from=2026-1-1&to=2026-01-02',
      'from=2026-02-30&to=2026-03-02',
      'from=2026-01-01&to=yesterday',
      'from=2026-03-02&to=2026-03-01',
      'from=2025-01-01&to=2026-01-02',
      'from=2026-01-01&to=2026-01-02&tz=Mars/Olympus_Mons',
      'from=2026-01-01&to=2026-01-02&tz=%2B05:00',
      'from=2026-01-01&to=2026-01-02&tz=',
      'from=2026-01-01&to=2026-01-02&staff=all',
    ];
    for (const query of bad) {
      const answer = await report(branchId, query);
      expectError(answer, 400, 'invalid');
      expect(answer.text, query).not.toContain('internal');
    }
  });

  it('takes a range of a whole leap year, 366 days', async () => {
    const branchId = await server.newBranch('Long range branch');
    const answer = await report(branchId, 'from=2024-01-01&to=2024-12-31&tz=Europe/Paris');
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.requests.total).toBe(0);
  });
});
