// The floor's clock (docs/API.md, "The floor"): every `everyMs` this process raises the
// long-wait alerts that are due, marks silent the staff no stream has been heard from, and
// takes off the floor those whose last session ended. Each change is one conditional UPDATE,
// so every process may run this at once and each alert or change still happens once.
import type { Store } from './store/store.js';

export interface FloorCheck {
  /** One check now, as if the clock were `aheadMs` later (tests move time with it). */
  check(aheadMs?: number): Promise<void>;
  /** Stops the timer and waits for a check under way. */
  stop(): Promise<void>;
}

export function startFloorCheck(
  store: Store,
  everyMs: number,
  log: (message: string, error?: unknown) => void,
): FloorCheck {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const check = (aheadMs = 0) => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        await store.escalation.escalate(aheadMs);
        await store.presence.sweep(aheadMs);
      } catch (error) {
        if (!stopped) log('The floor check (long waits, presence) did not finish', error);
      }
    });
    return running.then(() => undefined);
  };
  // 0: no timer (a test drives `check` itself).
  const timer = everyMs > 0 ? setInterval(() => void check(), everyMs) : undefined;
  timer?.unref();
  return {
    check,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
