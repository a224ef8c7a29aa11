// docs/API.md "Service report" and "CSV export":
// a fixed week of requests, made through the API and then moved to known times in the store,
// so the report's heatmap, waits by day and feedback, and every cell of the CSV, are checked
// against figures worked out by hand. Then a year of a busy branch, 50,000 requests written
// straight into the store, streamed out as CSV without the server holding it all.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectError,
  forEachStore,
  type Json,
  type Kiosk,
  type Rover,
  type TestServer,
} from '../../support/server.js';

const TZ = 'America/New_York';
const HEADER =
  'ticket,createdAt,claimedAt,closedAt,topicId,skill,language,status,outcome,effort,' +
  'waitedSeconds,servedSeconds,handoffs,satisfaction,importance,origin';

/** The answer's raw bytes and its text (the byte-order mark kept, unlike Response.text()). */
async function download(server: TestServer, path: string, token?: string) {
  const response = await fetch(server.url + path, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { status: response.status, headers: response.headers, bytes, text };
}

/** An RFC 4180 reader, to check the writer against: fields, quotes doubled, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted) {
      field += c;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  if (field || record.length) throw new Error('The CSV does not end with CRLF');
  return records;
}

forEachStore('the supervisor’s figures and CSV export', (server) => {
  describe('a fixed week, worked out by hand', () => {
    let branchId: string;
    let kiosk: Kiosk;
    let rover: Rover;
    let tech: string;
    let books: string;
    let skillOf: Record<string, string>;
    const ids: string[] = [];
    const tickets: string[] = [];
    let report: Json;

    /**
     * Moves request `i` to fixed times (UTC): made, first claimed, started, closed; a number
     * of seconds after `made` for the others, null for none.
     */
    const move = (
      i: number,
      made: string,
      claimed: number | null,
      served: number | null,
      closed: number | null,
    ) => {
      const at = (s: number | null) =>
        s === null ? null : new Date(Date.parse(made) + s * 1000).toISOString();
      return server.running!.store.query(
        `UPDATE requests SET created_at = $2, first_claimed_at = $3, claimed_at = $3,
                served_at = $4, closed_at = $5,
                waiting_since = CASE WHEN status = 'waiting' THEN $2::timestamptz END
          WHERE id = $1`,
        [ids[i], made, at(claimed), at(served), at(closed)],
      );
    };

    beforeAll(async () => {
      branchId = await server.newBranch('Figures branch');
      kiosk = await server.kiosk(branchId);
      rover = await server.rover(branchId, { skills: ['tech', 'general', 'history'] });
      const listed = await server.ok(
        'GET',
        `/api/branches/${branchId}/topics`,
        { token: kiosk.token },
        200,
      );
      [tech, books] = listed.topics.map((t: Json) => t.id) as [string, string];
      skillOf = Object.fromEntries(listed.topics.map((t: Json) => [t.id, t.skill]));
      const make = async (topicId: string, extra = {}) => {
        const request = await server.createRequest(kiosk, { topicId, ...extra });
        ids.push(request.id);
        tickets.push(request.ticket);
        return request.id as string;
      };
      const act = (id: string, action: string, extra = {}, token = rover.token) =>
        server.must(token, id, action, extra);
      const feedback = async (id: string, body: Json) =>
        server.ok('POST', `/api/requests/${id}/feedback`, { token: kiosk.token, body }, 201);

      // 0: answered (effort 2); a patron's name and note that must never come out.
      const r0 = await make(tech, {
        name: 'Zelda MARKER-NAME, "quoted"',
        note: 'MARKER-NOTE by the printers',
      });
      await act(r0, 'claim');
      await act(r0, 'start');
      await act(r0, 'resolve', { outcome: 'answered', effort: 2 });
      await feedback(r0, { satisfaction: 5, importance: 4 });
      // 1: handed on to history once, then referred (no grade).
      const r1 = await make(tech);
      await act(r1, 'claim');
      await act(r1, 'transfer', { skill: 'history', note: 'MARKER-HANDOFF' });
      await act(r1, 'claim');
      await act(r1, 'start');
      await act(r1, 'resolve', { outcome: 'referred' });
      await feedback(r1, { satisfaction: 3 });
      // 2: on the way, then cancelled by staff.
      const r2 = await make(books);
      await act(r2, 'claim');
      await act(r2, 'cancel');
      // 3: still waiting.
      await make(books);
      // 4: a no-show (effort 1), never started.
      const r4 = await make(books);
      await act(r4, 'claim');
      await act(r4, 'resolve', { outcome: 'no-show', effort: 1 });
      await feedback(r4, { satisfaction: 1, importance: 5 });
      // 5 and 6: just outside the range, after and before.
      await make(tech);
      await make(tech);

      // The clock, moved (UTC). New York is UTC-5 until 2 AM on Sunday 8 March 2026, then -4.
      await move(0, '2026-03-06T14:00:00Z', 60, 120, 600); // Fri 09:00 EST
      await move(1, '2026-03-06T14:30:00Z', 120, 200, 500); // Fri 09:30 EST
      await move(2, '2026-03-07T20:15:00Z', 300, null, 400); // Sat 15:15 EST
      await move(3, '2026-03-08T15:00:00Z', null, null, null); // Sun 11:00 EDT
      await move(4, '2026-03-09T03:30:00Z', 30, null, 90); // Sun 8 March 23:30 EDT
      await move(5, '2026-03-10T04:00:00Z', null, null, null); // Tue 00:00 EDT: after
      await move(6, '2026-03-06T04:59:59.999Z', null, null, null); // Thu 23:59 EST: before
      // A language with a comma, quotes and a line break, as only an old row might hold it:
      // the one column of free-ish text, to see the CSV quote it.
      await server.running!.store.query('UPDATE requests SET language = $2 WHERE id = $1', [
        ids[0],
        'es,"MX"\nline',
      ]);
      await server.running!.store.query("UPDATE requests SET language = 'fr' WHERE id = $1", [
        ids[2],
      ]);

      const answer = await server.get(
        `/api/branches/${branchId}/report?from=2026-03-06&to=2026-03-09&tz=${TZ}`,
        await server.adminToken(),
      );
      expect(answer.status, answer.text).toBe(200);
      report = answer.body;
    });

    it('counts the requests made in each hour of each weekday, in the zone', () => {
      expect(report.requests.total).toBe(5);
      expect(report.heatmap).toHaveLength(168);
      const busy = report.heatmap.filter((cell: Json) => cell.requests > 0);
      expect(busy).toEqual([
        { weekday: 0, hour: 11, requests: 1 },
        { weekday: 0, hour: 23, requests: 1 },
        { weekday: 5, hour: 9, requests: 2 },
        { weekday: 6, hour: 15, requests: 1 },
      ]);
      expect(report.heatmap[0]).toEqual({ weekday: 0, hour: 0, requests: 0 });
      expect(report.heatmap[167]).toEqual({ weekday: 6, hour: 23, requests: 0 });
    });

    it('gives each day its requests and its typical and long waits', () => {
      expect(report.waitsByDay).toEqual([
        // Waits of 60 and 120 s: median 90; 90th percentile 60 + 0.9 × 60.
        { day: '2026-03-06', requests: 2, p50Seconds: 90, p90Seconds: 114 },
        { day: '2026-03-07', requests: 1, p50Seconds: 300, p90Seconds: 300 },
        // One still waiting (no wait yet), one of 30 s.
        { day: '2026-03-08', requests: 2, p50Seconds: 30, p90Seconds: 30 },
        { day: '2026-03-09', requests: 0, p50Seconds: null, p90Seconds: null },
      ]);
    });

    it("sums the patrons' word back, overall and per topic", () => {
      const byTopic = [
        { topicId: tech, responses: 2, satisfactionMean: 4, importanceMean: 4 },
        { topicId: books, responses: 1, satisfactionMean: 1, importanceMean: 5 },
      ].sort((a, b) => (a.topicId < b.topicId ? -1 : 1));
      expect(report.feedback).toEqual({ responses: 3, satisfaction: [1, 0, 1, 0, 1], byTopic });
    });

    it('exports one row per request of the range, each cell as worked out', async () => {
      const answer = await download(
        server,
        `/api/branches/${branchId}/export.csv?from=2026-03-06&to=2026-03-09&tz=${TZ}`,
        await server.adminToken(),
      );
      expect(answer.status, answer.text).toBe(200);
      expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(answer.headers.get('content-disposition')).toBe(
        `attachment; filename="rove-${branchId}-2026-03-06-to-2026-03-09.csv"`,
      );
      expect([...answer.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(answer.text.slice(1, HEADER.length + 3)).toBe(`${HEADER}\r\n`);
      const [header, ...rows] = parseCsv(answer.text.slice(1));
      expect(header!.join(',')).toBe(HEADER);
      const [t, b] = [skillOf[tech], skillOf[books]];
      // prettier-ignore
      expect(rows).toEqual([
        [tickets[0], '2026-03-06T09:00:00.000-05:00', '2026-03-06T09:01:00.000-05:00', '2026-03-06T09:10:00.000-05:00', tech, t, 'es,"MX"\nline', 'done', 'answered', '2', '60', '480', '0', '5', '4', 'kiosk'],
        [tickets[1], '2026-03-06T09:30:00.000-05:00', '2026-03-06T09:32:00.000-05:00', '2026-03-06T09:38:20.000-05:00', tech, 'history', '', 'done', 'referred', '', '120', '300', '1', '3', '', 'kiosk'],
        [tickets[2], '2026-03-07T15:15:00.000-05:00', '2026-03-07T15:20:00.000-05:00', '2026-03-07T15:21:40.000-05:00', books, b, 'fr', 'cancelled', '', '', '300', '', '0', '', '', 'kiosk'],
        [tickets[3], '2026-03-08T11:00:00.000-04:00', '', '', books, b, '', 'waiting', '', '', '', '', '0', '', '', 'kiosk'],
        [tickets[4], '2026-03-08T23:30:00.000-04:00', '2026-03-08T23:30:30.000-04:00', '2026-03-08T23:31:30.000-04:00', books, b, '', 'done', 'no-show', '1', '30', '', '0', '1', '5', 'kiosk'],
      ]);
      // The quoting itself: commas, quotes doubled, a line break inside quotes.
      expect(answer.text).toContain(`,"es,""MX""\nline",done,`);
    });

    it("never carries a patron's name or note, nor a hand-off note", async () => {
      const answer = await download(
        server,
        `/api/branches/${branchId}/export.csv?from=2026-03-01&to=2026-03-31`,
        await server.adminToken(),
      );
      expect(answer.status).toBe(200);
      expect(parseCsv(answer.text.slice(1))).toHaveLength(1 + 7);
      expect(answer.text).not.toMatch(/MARKER|Zelda|printers/);
    });

    it('keeps to the range: a day in UTC is another set of requests', async () => {
      const rows = async (query: string) => {
        const answer = await download(
          server,
          `/api/branches/${branchId}/export.csv?${query}`,
          await server.adminToken(),
        );
        expect(answer.status, answer.text).toBe(200);
        return parseCsv(answer.text.slice(1))
          .slice(1)
          .map((row) => row[0]);
      };
      // 6 March in UTC: request 6 (04:59:59.999) and requests 0 and 1; times now in UTC.
      expect(await rows('from=2026-03-06&to=2026-03-06')).toEqual([
        tickets[6],
        tickets[0],
        tickets[1],
      ]);
      expect(await rows(`from=2026-03-10&to=2026-03-10&tz=${TZ}`)).toEqual([tickets[5]]);
      expect(await rows(`from=2026-02-01&to=2026-02-28&tz=${TZ}`)).toEqual([]);
      const utc = await download(
        server,
        `/api/branches/${branchId}/export.csv?from=2026-03-09&to=2026-03-09`,
        await server.adminToken(),
      );
      expect(utc.text).toContain(',2026-03-09T03:30:00.000+00:00,2026-03-09T03:30:30.000+00:00,');
    });

    it("counts in the branch's own time zone when no tz is asked for", async () => {
      const admin = await server.adminToken();
      const zone = (timeZone: string | null) =>
        server.ok('PATCH', `/api/branches/${branchId}`, { token: admin, body: { timeZone } }, 200);
      const days = 'from=2026-03-06&to=2026-03-09';
      const csv = async (query: string) => {
        const answer = await download(
          server,
          `/api/branches/${branchId}/export.csv?${query}`,
          admin,
        );
        expect(answer.status, answer.text).toBe(200);
        return answer.text;
      };
      await zone(TZ);
      try {
        const own = await server.get(`/api/branches/${branchId}/report?${days}`, admin);
        expect(own.status, own.text).toBe(200);
        expect(own.body).toEqual(report);
        expect(own.body.tz).toBe(TZ);
        const rows = await csv(days);
        expect(rows).toBe(await csv(`${days}&tz=${TZ}`));
        expect(rows).toContain(',2026-03-08T23:30:00.000-04:00,2026-03-08T23:30:30.000-04:00,');
        // A tz asked for still wins over the branch's.
        const tokyo = await server.get(
          `/api/branches/${branchId}/report?${days}&tz=Asia/Tokyo`,
          admin,
        );
        expect(tokyo.body.tz).toBe('Asia/Tokyo');
        expect(await csv(`${days}&tz=UTC`)).toContain(',2026-03-06T14:00:00.000+00:00,');
      } finally {
        await zone(null);
      }
      // Without one again, UTC.
      const utc = await server.get(`/api/branches/${branchId}/report?${days}`, admin);
      expect(utc.body.tz).toBe('UTC');
    });
  });

  it('is for admins only, of a branch that exists, over a range that makes sense', async () => {
    const scene = await server.scene();
    const path = `/api/branches/${scene.branchId}/export.csv?from=2026-01-01&to=2026-01-02`;
    expectError(await server.get(path), 401, 'unauthenticated');
    expectError(await server.get(path, scene.kiosk.token), 403, 'forbidden');
    expectError(await server.get(path, scene.rover.token), 403, 'forbidden');
    const admin = await server.adminToken();
    expectError(
      await server.get('/api/branches/nowhere/export.csv?from=2026-01-01&to=2026-01-02', admin),
      404,
      'not_found',
    );
    for (const query of [
      '',
      'from=2026-01-01',
      'from=2026-02-30&to=2026-03-01',
      'from=2026-03-02&to=2026-03-01',
      'from=2025-01-01&to=2026-01-02',
      'from=2026-01-01&to=2026-01-02&tz=Mars/Olympus_Mons',
      'from=2026-01-01&to=2026-01-02&name=1',
    ]) {
      const answer = await server.get(`/api/branches/${scene.branchId}/export.csv?${query}`, admin);
      expectError(answer, 400, 'invalid');
    }
    const empty = await download(server, path, admin);
    expect(empty.status).toBe(200);
    expect(empty.text).toBe(`\uFEFF${HEADER}\r\n`);
  });

  it('streams a year of a busy branch, 50,000 requests, without holding it all', async () => {
    const ROWS = 50_000;
    const scene = await server.scene();
    const store = server.running!.store;
    // Written straight into the store, as a year of service would have left them: one every
    // ten minutes from 1 January 2025, each with a patron's name that must not come out.
    await store.query(
      `INSERT INTO requests (id, branch_id, kiosk_id, ticket, ticket_day, topic_id, skill,
                             status, outcome, effort, created_at, first_claimed_at, claimed_at,
                             served_at, closed_at)
       SELECT gen_random_uuid(), $1, $2, 'A' || i, DATE '2025-01-01' + i, 'tech', 'tech',
              'done', 'answered', 1 + i % 6, t, t + interval '95 seconds',
              t + interval '95 seconds', t + interval '2 minutes', t + interval '9 minutes'
         FROM generate_series(0, $3 - 1) AS i,
              LATERAL (SELECT TIMESTAMPTZ '2025-01-01 00:00:00+00' + i * interval '10 minutes') AS m(t)`,
      [scene.branchId, scene.kiosk.device.id, ROWS],
    );
    await store.query(
      `INSERT INTO patron_words (request_id, name, note)
       SELECT id, 'MARKER-NAME ' || ticket, 'MARKER-NOTE' FROM requests WHERE branch_id = $1`,
      [scene.branchId],
    );
    // What the process holds once garbage is collected: the server runs in this process.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const retained = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const before = retained();
    const response = await fetch(
      `${server.url}/api/branches/${scene.branchId}/export.csv?from=2025-01-01&to=2025-12-31`,
      { headers: { authorization: `Bearer ${await server.adminToken()}` } },
    );
    expect(response.status).toBe(200);
    const decoder = new TextDecoder();
    let bytes = 0;
    let lines = 0;
    let nextLook = 0;
    let most = 0;
    let sawMarker = false;
    let tail = '';
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value: chunk } = await reader.read();
      if (done) break;
      bytes += chunk.byteLength;
      const text = tail + decoder.decode(chunk, { stream: true });
      lines += text.split('\r\n').length - 1;
      sawMarker ||= text.includes('MARKER');
      tail = text.slice(text.lastIndexOf('\r\n') + 2);
      // Every half megabyte received, what the server (and this reader) hold.
      if (bytes >= nextLook) {
        most = Math.max(most, retained() - before);
        nextLook = bytes + 512 * 1024;
      }
    }
    expect(lines).toBe(1 + ROWS);
    expect(sawMarker).toBe(false);
    expect(bytes).toBeGreaterThan(5_000_000);
    // Reading every row at once held about five times the CSV's size here (36 MB for 7 MB);
    // a page at a time holds a small part of it (under 2 MB).
    expect(most, `held ${most} bytes while sending ${bytes}`).toBeLessThan(bytes / 2);
  }, 60_000);
});
