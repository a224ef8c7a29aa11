// The stream hub against a real store: a stream that resumes while changes keep coming misses
// none and repeats none; kiosk streams hear only their own requests, in the kiosk's view.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/server/store/store.js';
import { ScriptStore } from '../../../src/server/store/scripts.js';
import { StreamHub } from '../../../src/server/stream/hub.js';
import type { Audience } from '../../../src/server/stream/connection.js';
import { hashToken } from '../../../src/server/auth/secrets.js';
import {
  STORE_KINDS,
  kioskOf,
  newBranch,
  newRequest,
  openTestStore,
  roverOf,
  statementsDuring,
} from './fixtures.js';

interface Frame {
  id?: number;
  event: string;
  data: unknown;
}

/** Collects what the hub writes, as an HTTP response would carry it. */
class Recorder extends EventEmitter {
  text = '';
  writableLength = 0;
  ended = false;
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
  end(): void {
    this.ended = true;
    this.emit('close');
  }
  get frames(): Frame[] {
    return this.text
      .split('\n\n')
      .filter((block) => block.includes('event: '))
      .map((block) => {
        const field = (name: string) =>
          block
            .split('\n')
            .find((line) => line.startsWith(`${name}: `))
            ?.slice(name.length + 2);
        const id = field('id');
        return {
          id: id === undefined ? undefined : Number(id),
          event: field('event')!,
          data: JSON.parse(field('data')!),
        };
      });
  }
}

const asResponse = (recorder: Recorder) => recorder as unknown as ServerResponse;

/** The stream audience of a rover signed in on a tablet of `branchId`. */
const staffAudience = (branchId: string, staffId: string): Audience => ({
  kind: 'staff',
  branchId,
  staffId,
  deviceId: 'd',
  sessionHash: 'h',
});

/** Waits until the hub has delivered everything committed so far. */
async function settled(store: Store, recorder: Recorder): Promise<void> {
  const last = await store.log.lastSeq();
  for (let i = 0; i < 200; i++) {
    const ids = recorder.frames.map((f) => f.id ?? 0);
    if (Math.max(0, ...ids) >= last) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('stream hub [pglite]', () => {
  let store: Store;
  let hub: StreamHub;
  beforeAll(async () => {
    store = await openTestStore('pglite');
    hub = new StreamHub(store, { heartbeatMs: 60_000 });
    await hub.start();
  });
  afterAll(async () => {
    await hub?.close();
    await store?.close();
  });

  it('a stream resumed while changes keep coming gets each event after its id once, in order', async () => {
    const branchId = await newBranch(store);
    const kiosk = await kioskOf(store, branchId);
    const rover = await roverOf(store, branchId);
    const audience = staffAudience(branchId, rover.staffId);
    const first = await newRequest(store, kiosk);
    const resumeFrom = await store.log.lastSeq();

    // Writers keep going while the stream opens and replays.
    const writing = (async () => {
      for (let i = 0; i < 15; i++) {
        const request = await newRequest(store, kiosk);
        await store.requests.act(rover, request.id, 'claim', { opId: randomUUID() });
      }
    })();
    const recorder = new Recorder();
    await hub.open(audience, asResponse(recorder), resumeFrom);
    await writing;
    await settled(store, recorder);

    const expected = (await store.log.after(resumeFrom, 10_000))
      .filter((e) => e.branchId === branchId || e.branchId === null)
      .map((e) => e.seq);
    const got = recorder.frames.map((f) => f.id);
    expect(got).toEqual(expected);
    expect(got).toHaveLength(30);
    expect(recorder.frames.every((f) => f.event === 'request')).toBe(true);
    expect(JSON.stringify(recorder.frames)).not.toContain(first.id);
  });

  it('a stream with no id, or one the log no longer holds, starts with a snapshot', async () => {
    const branchId = await newBranch(store);
    const kiosk = await kioskOf(store, branchId);
    const rover = await roverOf(store, branchId);
    const audience = staffAudience(branchId, rover.staffId);
    const request = await newRequest(store, kiosk);
    for (const lastEventId of [undefined, 10_000_000]) {
      const recorder = new Recorder();
      await hub.open(audience, asResponse(recorder), lastEventId);
      const [snapshot] = recorder.frames;
      expect(snapshot).toMatchObject({
        event: 'snapshot',
        data: { requests: [{ id: request.id }] },
      });
      expect((snapshot!.data as { seq: number }).seq).toBe(await store.log.lastSeq());
      recorder.end();
    }
  });

  it('a kiosk stream hears only its own requests, without staff ids or hand-off notes, and its line', async () => {
    const branchId = await newBranch(store);
    const mine = await kioskOf(store, branchId);
    const other = await kioskOf(store, branchId);
    const rover = await roverOf(store, branchId);
    const recorder = new Recorder();
    await hub.open({ kind: 'kiosk', branchId, deviceId: mine.deviceId }, asResponse(recorder));

    const theirs = await newRequest(store, other);
    const own = await newRequest(store, mine);
    await store.requests.act(rover, own.id, 'claim', { opId: randomUUID() });
    await store.requests.act(rover, own.id, 'transfer', {
      opId: randomUUID(),
      skill: 'books',
      note: 'staff only',
    });
    await settled(store, recorder);

    const text = recorder.text;
    expect(text).not.toContain(theirs.id);
    expect(text).not.toContain(rover.staffId);
    expect(text).not.toContain('staff only');
    const requests = recorder.frames.filter((f) => f.event === 'request');
    expect(requests.map((f) => (f.data as { request: { status: string } }).request.status)).toEqual(
      ['waiting', 'claimed', 'waiting'],
    );
    expect((requests[1]!.data as { request: { claimedBy: unknown } }).request.claimedBy).toEqual({
      displayName: 'Sam',
    });
    // `line` follows its request event once the line is counted again.
    const lastLine = () => recorder.frames.filter((f) => f.event === 'line').at(-1);
    for (let i = 0; i < 200 && !JSON.stringify(lastLine()?.data).includes(own.id); i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const lines = recorder.frames.filter((f) => f.event === 'line');
    expect(lines.every((f) => f.id === undefined)).toBe(true);
    // After the hand-off the kiosk's request waits again, second in line behind the other kiosk's.
    expect(lines.at(-1)!.data).toMatchObject({
      positions: { [own.id]: { position: 2 } },
      helpedToday: 0,
    });
    recorder.end();
  });

  it('a public scripts stream starts with the published scripts, hears only scripts, and is let go when closed', async () => {
    const branchId = await newBranch(store);
    const kiosk = await kioskOf(store, branchId);
    const before = hub.size;
    const recorder = new Recorder();
    await hub.open({ kind: 'scripts' }, asResponse(recorder), 1);
    expect(hub.size).toBe(before + 1);
    const [snapshot] = recorder.frames;
    expect(snapshot!.event).toBe('snapshot');
    const listed = (snapshot!.data as { scripts: { id: string }[] }).scripts.map((s) => s.id);
    expect(listed).toContain('welcome-at-the-door');
    expect(snapshot!.id).toBe(await store.log.lastSeq());

    await newRequest(store, kiosk, { name: 'Robin' });
    const scripts = new ScriptStore(store);
    await scripts.unpublish('warm-goodbye');
    await scripts.publish('warm-goodbye', undefined);
    await settled(store, recorder);
    expect(recorder.frames.slice(1).map((f) => f.event)).toEqual(['script', 'script']);
    expect(recorder.text).not.toContain('Robin');

    // Nobody's sign-out ends a stream that stands for nobody; its own close does.
    hub.closeWhere(() => true);
    expect(recorder.ended).toBe(false);
    expect(hub.size).toBe(1);
    recorder.end();
    expect(hub.size).toBe(0);
  });

  it('closing streams by audience ends them and forgets them', async () => {
    const recorder = new Recorder();
    const branchId = await newBranch(store);
    const kiosk = await kioskOf(store, branchId);
    const before = hub.size;
    await hub.open({ kind: 'kiosk', branchId, deviceId: kiosk.deviceId }, asResponse(recorder));
    expect(hub.size).toBe(before + 1);
    hub.closeWhere((audience) => 'deviceId' in audience && audience.deviceId === kiosk.deviceId);
    expect(recorder.ended).toBe(true);
    expect(hub.size).toBe(before);
  });
});

// The hub's recheck: a stream whose grant has gone is closed even when nothing on this
// process said so (a session running out; a revocation made through another process).
for (const kind of STORE_KINDS) {
  describe(`stream hub recheck [${kind}]`, () => {
    let store: Store;
    let hub: StreamHub;
    beforeAll(async () => {
      store = await openTestStore(kind);
      hub = new StreamHub(store, { heartbeatMs: 60_000, recheckMs: 100 });
      await hub.start();
    });
    afterAll(async () => {
      await hub.close();
      await store.close();
    });

    /** A rover signed in on a tablet of `branchId`, and their stream's audience. */
    async function signedIn(branchId: string): Promise<{ audience: Audience; tokenHash: string }> {
      const rover = await roverOf(store, branchId);
      const { code } = await store.devices.createEnrollment(branchId, 'tablet', 'Tablet');
      const { device } = await store.devices.enroll(code);
      const tokenHash = hashToken(
        await store.accounts.createStaffSession(rover.staffId, device.id),
      );
      return {
        tokenHash,
        audience: {
          kind: 'staff',
          branchId,
          staffId: rover.staffId,
          deviceId: device.id,
          sessionHash: tokenHash,
        },
      };
    }

    async function open(audience: Audience): Promise<Recorder> {
      const recorder = new Recorder();
      await hub.open(audience, asResponse(recorder));
      return recorder;
    }

    async function endedSoon(recorder: Recorder, ms = 2000): Promise<boolean> {
      for (let i = 0; i < ms / 20 && !recorder.ended; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return recorder.ended;
    }

    it('closes the stream of a session as it runs out, and keeps a live one', async () => {
      const branchId = await newBranch(store);
      const expiring = await signedIn(branchId);
      const live = await signedIn(branchId);
      // A session with a second left, as one signed in most of a shift ago would have.
      await store.query(
        "UPDATE sessions SET expires_at = now() + interval '1 second' WHERE token_hash = $1",
        [expiring.tokenHash],
      );
      const [gone, kept] = await Promise.all([open(expiring.audience), open(live.audience)]);
      expect(await endedSoon(gone, 3000)).toBe(true);
      expect(kept.ended).toBe(false);
      kept.end();
    });

    /** A rover's stream, opened and then judged once (at the timer's next tick). */
    async function openedAndJudged(): Promise<Recorder> {
      const rover = await signedIn(await newBranch(store));
      const recorder = await open(rover.audience);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return recorder;
    }

    /** The statements the store runs over the next six ticks of the recheck timer. */
    const statementsOfTicks = () =>
      statementsDuring(store, () => new Promise((resolve) => setTimeout(resolve, 600)));

    it('asks the store nothing on its timer while no grant can have gone', async () => {
      const recorder = await openedAndJudged();
      // For as long as nothing changes, not judged again (the timer ticks every 100 ms).
      const asked = await statementsOfTicks();
      expect(asked).toEqual([]);
      expect(recorder.ended).toBe(false);
      recorder.end();
    });

    it('asks on every tick while it cannot hear other processes', async () => {
      const recorder = await openedAndJudged();
      // As when the PostgreSQL listener is down: changes made elsewhere go unheard.
      const db = store.db as { hearsAuthChanges: () => boolean };
      const hears = db.hearsAuthChanges;
      db.hearsAuthChanges = () => false;
      try {
        const asked = await statementsOfTicks();
        expect(asked.filter((text) => text.includes('FROM sessions')).length).toBeGreaterThan(2);
      } finally {
        db.hearsAuthChanges = hears;
      }
      recorder.end();
    });

    it('closes a kiosk stream once its device is revoked in the store', async () => {
      const branchId = await newBranch(store);
      const kiosk = await kioskOf(store, branchId);
      const recorder = await open({ kind: 'kiosk', branchId, deviceId: kiosk.deviceId });
      expect(recorder.ended).toBe(false);
      // As another server process would: straight in the store, no word to this hub.
      await store.devices.revoke(kiosk.deviceId);
      expect(await endedSoon(recorder)).toBe(true);
    });
  });
}
