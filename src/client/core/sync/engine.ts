// The sync engine of one surface: keeps the replica in step with the server's event stream
// (snapshot, then events; resume from the replica's cursor), refreshes reference data each time
// the stream (re)opens, and keeps the outbox flushing. Tablets with staff and kiosks use it, and
// a supervisor's Floor screen watches a branch with it.
import { fetchBranch, fetchSkills, fetchStaffNames, fetchTopics } from '../api/branch.js';
import { fetchRequest } from '../api/requests.js';
import { fetchSession, type Session } from '../api/session.js';
import { keepStreamOpen, streamPath, type KeptStream } from '../stream.js';
import { setMeta } from '../db/db.js';
import {
  applyRequestEvent,
  applySnapshot,
  markSynced,
  passEvent,
  replaceStaffNames,
  replaceTopics,
  resetStreamCursor,
  storeBranch,
  streamCursor,
  upsertRequest,
  upsertTopic,
} from '../db/replica.js';
import { readCurrentRequestId } from '../db/kiosk.js';
import { applyNoticeEvent, replaceBranchNotices } from '../db/branch-notices.js';
import { reportConnected, reportLost, setStreaming } from './connection.js';
import { setLine } from './kiosk-line.js';
import { kickOutbox, startOutboxFlusher } from './outbox-flusher.js';
import type { LongWaitAlert, SnapshotEvent } from '../../../shared/events.js';

/** Who syncs: a signed-in rover's tablet, a kiosk, or a supervisor watching a branch. */
type SyncKind = 'staff' | 'kiosk' | 'admin';

export interface SyncOptions {
  kind: SyncKind;
  branchId: string;
  /**
   * The server no longer accepts this device or person (revoked, signed out elsewhere,
   * deactivated): called once with the session it now reports; sync has stopped.
   */
  onSessionEnded?: (session: Session) => void;
  /**
   * Each snapshot, in order with the events, just before it is stored: what it lists was in
   * the queue then. A tablet's first open of each sync asks for one (see `connect`).
   */
  onSnapshot?: (snapshot: SnapshotEvent) => void;
  /**
   * A long-wait alert (staff), once it is applied in order with the events before it. Alerts
   * replayed after a reconnect come too: the listener judges whether one is still news.
   */
  onAlert?: (alert: LongWaitAlert) => void;
  /**
   * The stream opens (and the reference data is fetched) only once this settles: a screen
   * passes "my first screenful is painted" (see `afterPaint`), so the snapshot's writes and the
   * renders they set off come after the first paint rather than before it. Stopping before
   * then opens nothing.
   */
  after?: Promise<unknown>;
}

/** After this many failed opens in a row, resume from a fresh snapshot instead. */
const FRESH_AFTER = 4;

/**
 * How long a snapshot waits for the topics asked for when the stream opened. A fetch that
 * never answers must not hold the queue back: after this the stored topics name the requests,
 * and the labels fill in when the topics arrive.
 */
export const TOPICS_WAIT_MS = 3000;

/** Starts syncing; returns the stop function (call it from disconnectedCallback). */
export function startSync({
  kind,
  branchId,
  onSessionEnded,
  onSnapshot,
  onAlert,
  after,
}: SyncOptions): () => void {
  const stream = kind === 'kiosk' ? 'kiosk' : `branch:${branchId}`;
  const stopFlusher = startOutboxFlusher();
  let stopped = false;
  let wasOpen = false;
  let snapshotHeard = false;
  /** The topics asked for when the stream last opened: a snapshot waits for them (below). */
  let topicsStored: Promise<void> = Promise.resolve();
  // Events are applied one after another, in the order the server sent them.
  let applying: Promise<unknown> = Promise.resolve();
  const inOrder = (work: () => Promise<unknown>) => {
    applying = applying.then(work).catch((error: unknown) => {
      console.error('Rove could not apply an event', error);
    });
  };

  setStreaming(true);

  let stopStream = () => {};
  const open = () => {
    if (!stopped) stopStream = keepStreamOpen(handlers);
  };
  const handlers: KeptStream = {
    path: streamPath(kind, branchId),
    async cursor(failures) {
      if (failures >= FRESH_AFTER) await resetStreamCursor(stream);
      // A tablet starts each sync (a sign-in, a load) from a snapshot rather than replaying
      // what happened while nobody looked, so it can tell what was already waiting from what
      // arrives.
      const fresh = kind !== 'kiosk' && !snapshotHeard;
      return fresh ? undefined : streamCursor(stream);
    },
    open() {
      wasOpen = true;
      reportConnected();
      topicsStored = refreshReference(kind, branchId);
      void kickOutbox();
    },
    event(event, seq) {
      switch (event.name) {
        case 'snapshot': {
          const snapshot = event.data;
          snapshotHeard = true;
          inOrder(async () => {
            // A fresh tablet gets its topics with the queue, not after it, so a request is
            // seldom shown before the tablet can name its topic; but not for long.
            await within(topicsStored, TOPICS_WAIT_MS);
            onSnapshot?.(snapshot);
            await applySnapshot(stream, branchId, snapshot);
            if (snapshot.presence) await (await floor()).replaceFloor(branchId, snapshot.presence);
            if (snapshot.notices) await replaceBranchNotices(branchId, snapshot.notices);
            if (kind === 'kiosk') await catchUpKioskRequest(snapshot);
          });
          break;
        }
        case 'request': {
          const { request } = event.data;
          inOrder(() => applyRequestEvent(stream, seq, request));
          break;
        }
        case 'topic': {
          const { topic } = event.data;
          inOrder(() => upsertTopic(topic));
          break;
        }
        case 'branch': {
          const { branch } = event.data;
          inOrder(() => storeBranch(branch));
          break;
        }
        case 'script':
          if (kind === 'staff') {
            const data = event.data;
            inOrder(async () => {
              const { applyScriptEvent } = await scriptsSync();
              await applyScriptEvent(data);
            });
          }
          break;
        case 'line':
          setLine(event.data);
          break;
        case 'presence': {
          const { presence } = event.data;
          inOrder(async () => (await floor()).applyPresenceEvent(stream, seq, presence));
          break;
        }
        case 'notice': {
          const { notice, withdrawn } = event.data;
          inOrder(() => applyNoticeEvent(stream, seq, notice, withdrawn === true));
          break;
        }
        case 'alert': {
          const { alert } = event.data;
          inOrder(async () => {
            await passEvent(stream, seq);
            onAlert?.(alert);
          });
          break;
        }
      }
    },
    alive() {
      // Any byte, a heartbeat included: the server is there (after a blip in which the
      // browser said offline and online again but this stream never broke, too).
      reportConnected();
    },
    lost(status, failures) {
      setLine(undefined);
      // The replica was current until now: remember that for "the queue as of ...".
      if (wasOpen) void markSynced();
      wasOpen = false;
      reportLost({ trouble: status === 503 });
      // Refused: ask at once whether we are still who we were; otherwise now and then.
      if (status === 401 || status === 403 || (failures % 3 === 0 && navigator.onLine))
        void checkSession();
    },
  };
  if (after) void after.then(open, open);
  else open();

  const stop = () => {
    stopped = true;
    stopStream();
    setLine(undefined);
    setStreaming(false);
    stopFlusher();
  };

  const checkSession = async () => {
    let session: Session;
    try {
      session = await fetchSession();
    } catch {
      return; // unreachable: just offline
    }
    const still = session.role === kind;
    if (still || stopped) return;
    stop();
    onSessionEnded?.(session);
  };

  return stop;
}

/** `work`, or nothing after `ms`, whichever comes first. */
function within(work: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

// Scripts and the floor are for staff only: loaded on demand so the kiosk's first load stays
// small.
const scriptsSync = () => import('../db/scripts-sync.js');
const floor = () => import('../db/presence.js');

/**
 * Topics and the branch's info (all), staff names and skills (tablets and supervisors) and
 * scripts (tablets) each time the stream opens.
 * Answers once the topics are stored, or could not be fetched (the stored ones stay).
 */
function refreshReference(kind: SyncKind, branchId: string): Promise<void> {
  const topics = fetchTopics(branchId).then((t) => replaceTopics(branchId, t));
  void refreshAll(kind, branchId, topics);
  return topics.catch(() => undefined);
}

async function refreshAll(kind: SyncKind, branchId: string, topics: Promise<void>) {
  const jobs: Promise<unknown>[] = [topics, fetchBranch(branchId).then(storeBranch)];
  if (kind !== 'kiosk') {
    jobs.push(fetchStaffNames(branchId).then((s) => replaceStaffNames(branchId, s)));
    jobs.push(fetchSkills().then((skills) => setMeta('skills', skills)));
  }
  if (kind === 'staff') jobs.push(scriptsSync().then(({ syncScripts }) => syncScripts()));
  const results = await Promise.allSettled(jobs);
  for (const result of results) {
    if (result.status === 'rejected') console.warn('Rove kept its stored copy', result.reason);
  }
}

/**
 * A fresh kiosk snapshot lists only open requests. If the patron's request closed while the
 * kiosk was away, ask for it, so the kiosk can thank them instead of waiting forever.
 */
async function catchUpKioskRequest(snapshot: SnapshotEvent): Promise<void> {
  const id = await readCurrentRequestId();
  if (!id || snapshot.requests.some((r) => r.id === id)) return;
  try {
    await upsertRequest(await fetchRequest(id));
  } catch {
    // Not on the server yet (still in the outbox) or gone: nothing to catch up.
  }
}

/** For a tablet with nobody signed in: refresh the names on its sign-in screen. */
export async function refreshSignInNames(branchId: string): Promise<void> {
  try {
    await replaceStaffNames(branchId, await fetchStaffNames(branchId));
  } catch (error) {
    console.warn('Rove shows the staff names it stored last time', error);
  }
}
