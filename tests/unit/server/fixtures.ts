// Store-level fixtures for the server's internal tests: a store on PGlite (in memory) or on a
// fresh database of the run's PostgreSQL cluster, and a kiosk and rovers made through the store.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openStore } from '../../../src/server/store/open.js';
import type { Store } from '../../../src/server/store/store.js';
import type { KioskActor, StaffActor } from '../../../src/server/store/requests.js';
import { createDatabaseOn } from '../../support/postgres.js';

export type StoreKind = 'pglite' | 'postgres';
export const STORE_KINDS: readonly StoreKind[] = ['pglite', 'postgres'];

export async function freshDatabaseUrl(): Promise<string> {
  return createDatabaseOn(inject('pgAdminUrl'));
}

export async function openTestStore(kind: StoreKind, databaseUrl?: string): Promise<Store> {
  if (kind === 'pglite') return openStore({ dataDir: 'memory://' });
  return openStore({
    dataDir: 'memory://',
    databaseUrl: databaseUrl ?? (await freshDatabaseUrl()),
  });
}

/**
 * One describe block per store kind, named `title [kind]`, each with its own store opened
 * before its tests and closed after them; `store()` answers it inside the tests.
 */
export function describeStores(
  title: string,
  body: (store: () => Store, kind: StoreKind) => void,
): void {
  for (const kind of STORE_KINDS) {
    describe(`${title} [${kind}]`, () => {
      let opened: Store | undefined;
      beforeAll(async () => {
        opened = await openTestStore(kind);
      });
      afterAll(async () => {
        await opened?.close();
      });
      body(() => {
        if (!opened) throw new Error(`The ${kind} store is not open yet`);
        return opened;
      }, kind);
    });
  }
}

/** The statements `store` runs while `fn` runs (the real store's, counted as they pass). */
export async function statementsDuring(
  store: Store,
  fn: () => Promise<unknown>,
): Promise<string[]> {
  const db = store.db as { query: Store['db']['query'] };
  const query = db.query;
  const seen: string[] = [];
  db.query = ((text: string, params?: readonly unknown[]) => {
    seen.push(text.replace(/\s+/g, ' ').trim());
    return query.call(store.db, text, params);
  }) as typeof query;
  try {
    await fn();
  } finally {
    db.query = query;
  }
  return seen;
}

/** A branch of its own, so each test's queue and line hold only its own requests. */
export async function newBranch(store: Store): Promise<string> {
  const id = `b-${randomUUID().slice(0, 8)}`;
  await store.branches.create({ id, name: 'Test branch' });
  return id;
}

export async function kioskOf(store: Store, branchId: string): Promise<KioskActor> {
  const { code } = await store.devices.createEnrollment(branchId, 'kiosk', 'Lobby kiosk');
  const { device } = await store.devices.enroll(code);
  return { kind: 'kiosk', deviceId: device.id, branchId };
}

export async function roverOf(
  store: Store,
  branchId: string,
  displayName = 'Sam',
): Promise<StaffActor> {
  const staff = await store.staff.create({
    displayName,
    pin: '4321',
    skills: ['tech'],
    branchIds: [branchId],
  });
  return { kind: 'staff', staffId: staff.id, displayName, branchIds: [branchId] };
}

export async function newRequest(
  store: Store,
  kiosk: KioskActor,
  extra: { name?: string; note?: string } = {},
) {
  const created = await store.requests.create(kiosk, {
    id: randomUUID(),
    topicId: 'tech',
    ...extra,
  });
  return created.request;
}
