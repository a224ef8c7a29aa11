// A signed-in staff member's actions that have not reached the server: listed, tried again or
// discarded when they sign out, and dropped when nobody who may send them is signed in (see
// staff-outbox.ts for whose entry is whose). Only a tablet needs these, so they are kept off
// the kiosk's first load: the outbox imports this module when it meets a staff entry.
import { db, type OutboxEntry } from './db.js';
import { isKioskEntry } from './staff-outbox.js';
import { list, plural } from '../words/index.js';
import { msg, str } from '../locale/msg.js';

/** A staff action still in the outbox, in words ("claim A5"). */
export interface UnsentAction {
  seq: number;
  requestId: string;
  words: string;
}

/** "claim A5" ("claim a request" when the tablet no longer holds its ticket). */
function actionOn(action: OutboxEntry['action'], ticket: string | undefined): string {
  const t = ticket || msg('a request');
  switch (action) {
    case 'create':
      return msg('start a request for a patron in front of you');
    case 'interaction':
      return msg('record a question answered on the spot');
    case 'claim':
      return msg(str`claim ${t}`);
    case 'release':
      return msg(str`release ${t}`);
    case 'start':
      return msg(str`start ${t}`);
    case 'resolve':
      return msg(str`resolve ${t}`);
    case 'transfer':
      return msg(str`hand off ${t}`);
    case 'cancel':
      return msg(str`cancel ${t}`);
    case 'page':
      return msg(str`page the patron for ${t}`);
    case 'here':
      return msg(str`answer the page for ${t}`);
    case 'feedback':
      return msg(str`send the patron's feedback on ${t}`);
  }
}

/** Each entry in words, from the replica's ticket. */
async function inWords(entries: OutboxEntry[]): Promise<UnsentAction[]> {
  const requests = await db.requests.bulkGet(entries.map((e) => e.requestId));
  return entries.map((entry, i) => ({
    seq: entry.seq!,
    requestId: entry.requestId,
    words: actionOn(entry.action, requests[i]?.ticket),
  }));
}

/** The actions `staffId` made that have not reached the server, oldest first. */
export async function readUnsentFor(staffId: string): Promise<UnsentAction[]> {
  const entries = await db.outbox.orderBy('seq').toArray();
  return inWords(entries.filter((e) => e.actorId === staffId));
}

/**
 * Lets `staffId`'s actions be tried at once, whatever backoff they were waiting out, and ends
 * their Undo windows (signing out sends what they recorded).
 */
export async function retryNowFor(staffId: string): Promise<void> {
  await db.outbox.filter((e) => e.actorId === staffId).modify({ notBefore: 0, holdUntil: 0 });
}

/** Runs `work` while no flush is sending (the outbox's Web Lock, where there is one). */
export function whileNotSending<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('rove-outbox', work) as Promise<T>) : work();
}

/**
 * Removes `staffId`'s unsent actions and answers what it removed. It waits for a send in
 * flight to finish first, so what it reports as discarded was really never sent.
 */
export function discardUnsentFor(staffId: string): Promise<UnsentAction[]> {
  return whileNotSending(() =>
    db.transaction('rw', db.outbox, db.requests, async () => {
      const unsent = await readUnsentFor(staffId);
      await db.outbox.bulkDelete(unsent.map((u) => u.seq));
      return unsent;
    }),
  );
}

/** "2 changes", "1 change". */
export function changes(count: number): string {
  return plural(count, msg(str`${count} change`), msg(str`${count} changes`));
}

/**
 * Staff actions that must never be sent under `staffId`'s session (someone else made them,
 * or older data left them with no maker): removed, with a notice saying what was dropped.
 * Called by the flusher, inside its own lock, before it sends anything.
 */
export async function dropStranded(staffId: string): Promise<number> {
  return db.transaction('rw', [db.outbox, db.requests, db.notices], async () => {
    const stranded = (await db.outbox.orderBy('seq').toArray()).filter(
      (e) => !isKioskEntry(e) && e.actorId !== staffId,
    );
    if (stranded.length === 0) return 0;
    const words = await inWords(stranded);
    const names = [...new Set(stranded.map((e) => e.actorName).filter((n): n is string => !!n))];
    const n = stranded.length;
    const what = words.map((w) => w.words).join(', ');
    const by = list(names);
    await db.outbox.bulkDelete(stranded.map((e) => e.seq!));
    await db.notices.add({
      requestId: stranded[0]!.requestId,
      text: names.length
        ? plural(
            n,
            msg(
              str`${n} change made by ${by} before they signed out never reached the server and was dropped, not sent in your name: ${what}.`,
            ),
            msg(
              str`${n} changes made by ${by} before they signed out never reached the server and were dropped, not sent in your name: ${what}.`,
            ),
          )
        : plural(
            n,
            msg(
              str`${n} change made before a sign-out never reached the server and was dropped, not sent in your name: ${what}.`,
            ),
            msg(
              str`${n} changes made before a sign-out never reached the server and were dropped, not sent in your name: ${what}.`,
            ),
          ),
      at: new Date().toISOString(),
    });
    return stranded.length;
  });
}
