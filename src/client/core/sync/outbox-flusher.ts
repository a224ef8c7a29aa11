// Keeps the outbox moving: flushes on every new action, when the browser says it is online,
// when the stream reopens, and at the backoff time the outbox asked for.
import { flushOutbox, onEnqueue } from '../db/outbox.js';
import { reportLost } from './connection.js';

let timer: ReturnType<typeof setTimeout> | undefined;
let users = 0;
let stopEnqueue: (() => void) | undefined;

/** Flush now (and schedule the retry the outbox asks for). */
export async function kickOutbox(): Promise<void> {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  try {
    const result = await flushOutbox();
    if (result.state === 'retry') {
      if (result.offline) reportLost({ trouble: result.trouble === true });
      if (users > 0 && timer === undefined) {
        timer = setTimeout(() => void kickOutbox(), Math.max(250, result.retryAt - Date.now()));
      }
    }
  } catch (error) {
    console.error('Rove could not send its outbox', error);
  }
}

const onOnline = () => void kickOutbox();

/** Starts the flusher (counted: each surface that starts it also stops it). */
export function startOutboxFlusher(): () => void {
  users++;
  if (users === 1) {
    stopEnqueue = onEnqueue(() => void kickOutbox());
    window.addEventListener('online', onOnline);
  }
  void kickOutbox();
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    users--;
    if (users === 0) {
      stopEnqueue?.();
      window.removeEventListener('online', onOnline);
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    }
  };
}
