// The store's own guarantees, on both stores: one winner among racing claims, opId replay under
// concurrency, migrations applied once, tickets, and the purge of patron text.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../../src/server/store/migrate.js';
import { ticketFor, ticketSql } from '../../../src/server/store/requests.js';
import { requestJson, toRequest } from '../../../src/server/store/rows.js';
import type { RequestAction } from '../../../src/shared/request-machine.js';
import {
  describeStores,
  kioskOf,
  newBranch,
  newRequest,
  openTestStore,
  roverOf,
} from './fixtures.js';

describe('tickets', () => {
  it('read aloud cleanly: A1..A99, then B1, never I or O, never twice in a day', () => {
    expect(ticketFor(1)).toBe('A1');
    expect(ticketFor(99)).toBe('A99');
    expect(ticketFor(100)).toBe('B1');
    const seen = new Set<string>();
    for (let n = 1; n <= 5000; n++) {
      const ticket = ticketFor(n);
      expect(ticket).toMatch(/^[A-HJ-NP-Z][1-9][0-9]*$/);
      seen.add(ticket);
    }
    expect(seen.size).toBe(5000);
  });

  it('are drawn in SQL exactly as ticketFor says, past Z99 too', async () => {
    const { openPglite } = await import('../../../src/server/store/pglite.js');
    const db = await openPglite('memory://');
    try {
      const rows = await db.query<{ n: number; ticket: string }>(
        `SELECT n, ${ticketSql('n')} AS ticket FROM generate_series(1, 5000) AS n ORDER BY n`,
      );
      expect(rows.map((row) => row.ticket)).toEqual(rows.map((row) => ticketFor(row.n)));
    } finally {
      await db.close();
    }
  });
});

describeStores('store', (store) => {
  it('many claims at once: exactly one wins, the rest get 409 with the winner', async () => {
    const branchId = await newBranch(store());
    const kiosk = await kioskOf(store(), branchId);
    const rovers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => roverOf(store(), branchId, `Rover ${i}`)),
    );
    const request = await newRequest(store(), kiosk);
    const answers = await Promise.all(
      rovers.map((rover) =>
        store().requests.act(rover, request.id, 'claim', { opId: randomUUID(), version: 1 }),
      ),
    );
    const winners = answers.filter((a) => a.outcome === 'done');
    expect(winners).toHaveLength(1);
    const refused = answers.filter((a) => a.outcome === 'refused');
    expect(refused).toHaveLength(rovers.length - 1);
    const winner = winners[0]!.request.claimedBy;
    for (const lost of refused) {
      expect(lost).toMatchObject({ request: { status: 'claimed', claimedBy: winner } });
    }
    const stored = await store().requests.get(request.id);
    expect(stored?.request).toMatchObject({ status: 'claimed', version: 2 });
  });

  it('one opId sent many times at once changes the request once and answers alike', async () => {
    const branchId = await newBranch(store());
    const kiosk = await kioskOf(store(), branchId);
    const rover = await roverOf(store(), branchId);
    const request = await newRequest(store(), kiosk);
    const body = { opId: randomUUID() };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => store().requests.act(rover, request.id, 'claim', body)),
    );
    for (const answer of answers) {
      expect(answer.outcome).toBe('done');
      expect(answer).toEqual(answers[0]);
    }
    expect((await store().requests.get(request.id))?.request.version).toBe(2);
    const events = await store().log.after(0, 10_000);
    expect(
      events.filter(
        (e) => e.kind === 'request' && (e.payload.request as { id: string }).id === request.id,
      ),
    ).toHaveLength(2);
  });

  it('an opId is bound to who sent it: another rover replaying it is refused', async () => {
    const branchId = await newBranch(store());
    const kiosk = await kioskOf(store(), branchId);
    const [sam, kim] = [
      await roverOf(store(), branchId, 'Sam'),
      await roverOf(store(), branchId, 'Kim'),
    ];
    const request = await newRequest(store(), kiosk);
    const body = { opId: randomUUID() };
    expect((await store().requests.act(sam, request.id, 'claim', body)).outcome).toBe('done');
    await expect(store().requests.act(kim, request.id, 'claim', body)).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('tickets are unique in a branch even when kiosks send at once', async () => {
    const branchId = await newBranch(store());
    const kiosks = await Promise.all([kioskOf(store(), branchId), kioskOf(store(), branchId)]);
    const made = await Promise.all(
      Array.from({ length: 12 }, (_, i) => newRequest(store(), kiosks[i % 2]!)),
    );
    const tickets = made.map((r) => (r as unknown as { ticket: string }).ticket);
    expect(new Set(tickets).size).toBe(12);
  });

  it('migrations run once: a second run applies nothing and the tables stay', async () => {
    expect(await migrate(store().db)).toEqual([]);
    const recorded = await store().query<{ id: string }>(
      'SELECT id FROM schema_migrations ORDER BY id',
    );
    expect(recorded.map((r) => r.id)).toEqual(readMigrations().map((m) => m.id));
    expect((await store().branches.list()).map((b) => b.id)).toContain('main');
  });

  it('the purge erases patron text of closed requests and the events that copied it', async () => {
    const branchId = await newBranch(store());
    const kiosk = await kioskOf(store(), branchId);
    const rover = await roverOf(store(), branchId);
    const closed = await newRequest(store(), kiosk, { name: 'Ann', note: 'passport form' });
    const open = await newRequest(store(), kiosk, { name: 'Bo', note: 'printing' });
    await store().requests.act(rover, closed.id, 'claim', { opId: randomUUID() });
    await store().requests.act(rover, closed.id, 'resolve', {
      opId: randomUUID(),
      outcome: 'answered',
    });
    const before = await store().log.lastSeq();

    // A cutoff in the future: everything closed so far is "older than the retention time".
    await store().requests.purge(new Date(Date.now() + 60_000));

    const erased = (await store().requests.get(closed.id))!.request;
    expect(erased.name).toBeUndefined();
    expect(erased.note).toBeUndefined();
    expect(erased.status).toBe('done');
    const kept = (await store().requests.get(open.id))!.request;
    expect(kept).toMatchObject({ name: 'Bo', note: 'printing' });
    const left = JSON.stringify(await store().log.after(0, 100_000));
    expect(left).not.toContain('passport form');
    // A stream from before the purge cannot resume from the log: it gets a snapshot.
    expect(await store().log.canResumeAfter(before - 1)).toBe(false);
    expect(await store().log.canResumeAfter(before)).toBe(true);
  });

  it('a request as JSON built in SQL is what toRequest makes of its columns', async () => {
    // Creates and staff actions answer, and log, the JSON their one statement builds; reads
    // elsewhere build it from the columns. The two must agree, in every state.
    const branchId = await newBranch(store());
    const kiosk = await kioskOf(store(), branchId);
    const rover = await roverOf(store(), branchId);
    const act = (id: string, action: RequestAction, extra: object = {}) =>
      store().requests.act(rover, id, action, { opId: randomUUID(), ...extra } as never);
    await newRequest(store(), kiosk, { name: 'Ana', note: 'by the window' });
    const paged = await newRequest(store(), kiosk);
    await act(paged.id, 'claim');
    await act(paged.id, 'page');
    const serving = await newRequest(store(), kiosk);
    await act(serving.id, 'claim');
    await act(serving.id, 'start');
    const done = await newRequest(store(), kiosk);
    await act(done.id, 'claim');
    await act(done.id, 'resolve', { outcome: 'answered', effort: 2 });
    const handed = await newRequest(store(), kiosk);
    await act(handed.id, 'claim');
    await act(handed.id, 'transfer', { skill: 'tech', note: 'needs a laptop' });
    const cancelled = await newRequest(store(), kiosk);
    await store().requests.act(kiosk, cancelled.id, 'cancel', { opId: randomUUID() });
    await store().requests.createWalkUp(rover, branchId, {
      id: randomUUID(),
      topicId: 'tech',
      zone: 'Stacks',
      language: 'es',
      claim: true,
    });
    await store().requests.recordInteraction(rover, branchId, {
      id: randomUUID(),
      topicId: 'tech',
      outcome: 'referred',
      minutes: 3,
    });
    const rows = await store().db.query(
      `SELECT r.*, ${requestJson('r')} AS json FROM requests r WHERE r.branch_id = $1`,
      [branchId],
    );
    expect(rows).toHaveLength(8);
    // Drivers turn a timestamp into a Date by floating-point arithmetic, which can land a
    // millisecond short of the SQL text's; anything else must match exactly.
    const close = (built: Record<string, unknown>, columns: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(columns)) {
        if (typeof value === 'string' && key.endsWith('At') && !Number.isNaN(Date.parse(value)))
          expect(Math.abs(Date.parse(String(built[key])) - Date.parse(value))).toBeLessThanOrEqual(
            1,
          );
      }
      const withoutTimes = (request: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(request).filter(([key]) => !key.endsWith('At')));
      expect(withoutTimes(built)).toEqual(withoutTimes(columns));
      expect(Object.keys(built).sort()).toEqual(Object.keys(columns).sort());
    };
    for (const row of rows) {
      const { json, ...columns } = row;
      close(json as Record<string, unknown>, toRequest(columns) as never);
    }
  });
});

describe('migrations on a fresh PostgreSQL, from two processes at once', () => {
  it('both start; each migration is recorded once', async () => {
    const { freshDatabaseUrl } = await import('./fixtures.js');
    const url = await freshDatabaseUrl();
    const [a, b] = await Promise.all([
      openTestStore('postgres', url),
      openTestStore('postgres', url),
    ]);
    try {
      const rows = await a.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
      expect(rows.map((r) => r.id)).toEqual(readMigrations().map((m) => m.id));
      expect((await b.branches.list()).filter((branch) => branch.id === 'main')).toHaveLength(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

/** An in-memory PGlite migrated up to (not including) migration `id`, and the Store class. */
async function storeBefore(id: string) {
  const { openPglite } = await import('../../../src/server/store/pglite.js');
  const { Store } = await import('../../../src/server/store/store.js');
  const db = await openPglite('memory://');
  await migrate(
    db,
    readMigrations().filter((m) => m.id < id),
  );
  return { db, Store };
}

describe('upgrading a store that kept patron words in requests [pglite]', () => {
  it('moves them to patron_words and out of the event log and the kept answers', async () => {
    const { db, Store } = await storeBefore('0008');
    try {
      const id = randomUUID();
      const request = {
        id,
        name: 'Old Name',
        note: 'old note',
        handoff: { from: { id: 's', displayName: 'Sam' }, note: 'old hand-off', at: 'x' },
      };
      await db.exec(`
        INSERT INTO branches (id, name) VALUES ('old', 'Old branch');
        INSERT INTO devices (id, kind, branch_id, label, token_hash)
          VALUES ('k', 'kiosk', 'old', 'Kiosk', 'hash');
        INSERT INTO requests (id, branch_id, kiosk_id, ticket, ticket_day, topic_id, skill, status,
            name, note, handoff, closed_at)
          VALUES ('${id}', 'old', 'k', 'A1', current_date, 'tech', 'tech', 'done', 'Old Name',
            'old note', '${JSON.stringify(request.handoff)}', now());
        INSERT INTO events (kind, branch_id, kiosk_id, payload)
          VALUES ('request', 'old', 'k', '${JSON.stringify({ request })}');
        INSERT INTO ops (op_id, actor, status, body)
          VALUES ('${randomUUID()}', 'kiosk:k', 200, '${JSON.stringify({ request })}');
      `);
      const store = new Store(db);
      expect(await store.prepare()).toContain('0008_patron_words');

      const words = await store.query('SELECT * FROM patron_words');
      expect(words).toEqual([
        { request_id: id, name: 'Old Name', note: 'old note', handoff_note: 'old hand-off' },
      ]);
      const kept = JSON.stringify([
        await store.query('SELECT payload FROM events'),
        await store.query('SELECT body FROM ops'),
        await store.query('SELECT handoff FROM requests'),
      ]);
      expect(kept).not.toMatch(/Old Name|old note|old hand-off/);
      // Read through the store, the request has its words back.
      expect((await store.requests.get(id))!.request).toMatchObject({
        name: 'Old Name',
        note: 'old note',
        handoff: { note: 'old hand-off' },
      });
      const [event] = await store.log.after(0);
      expect(event!.payload).toMatchObject({ request: { name: 'Old Name' } });
    } finally {
      await db.close();
    }
  });
});

describe('upgrading a store that kept HTTP statuses with replayed answers [pglite]', () => {
  it('replays a refusal and a success kept before migration 0009 as outcomes', async () => {
    const { db, Store } = await storeBefore('0009');
    try {
      const id = randomUUID();
      const [refusedOp, doneOp] = [randomUUID(), randomUUID()];
      const request = { id, ticket: 'A1', status: 'claimed', version: 2 };
      const refusal = { error: { code: 'conflict', message: 'Kim has it' }, request };
      await db.exec(`
        INSERT INTO branches (id, name) VALUES ('old', 'Old branch');
        INSERT INTO devices (id, kind, branch_id, label, token_hash)
          VALUES ('k', 'kiosk', 'old', 'Kiosk', 'hash');
        INSERT INTO requests (id, branch_id, kiosk_id, ticket, ticket_day, topic_id, skill, status)
          VALUES ('${id}', 'old', 'k', 'A1', current_date, 'tech', 'tech', 'claimed');
        INSERT INTO ops (op_id, actor, status, body) VALUES
          ('${refusedOp}', 'staff:sam', 409, '${JSON.stringify(refusal)}'),
          ('${doneOp}', 'staff:kim', 200, '${JSON.stringify({ request })}');
      `);
      const store = new Store(db);
      expect(await store.prepare()).toContain('0009_op_outcomes');
      const rover = (staffId: string) =>
        ({ kind: 'staff', staffId, displayName: staffId, branchIds: ['old'] }) as const;
      expect(await store.requests.act(rover('sam'), id, 'claim', { opId: refusedOp })).toEqual({
        outcome: 'refused',
        message: 'Kim has it',
        request,
      });
      expect(await store.requests.act(rover('kim'), id, 'claim', { opId: doneOp })).toEqual({
        outcome: 'done',
        request,
      });
    } finally {
      await db.close();
    }
  });
});
