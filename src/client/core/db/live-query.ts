// A Lit ReactiveController around Dexie's liveQuery: the host re-renders whenever the answer
// changes, and the subscription lives exactly as long as the host is connected.
//
// Two things keep a screen with many live queries (the staff tablet has nine) from rendering
// once per answer. An answer equal to the one the host already has is dropped, and the host
// keeps the old value (same object, so its children see nothing new): Dexie answers again on
// every write to a table it watches, and a stream's (re)open rewrites topics, names and the
// branch with what the tablet already holds. And answers that arrive in the same frame (each in
// a task of its own: an IndexedDB read answers per transaction) make one render, not one each:
// measured with Lighthouse on the tablet, the sync's first snapshot made six to nine renders of
// the whole signed-in screen in a row.
import { liveQuery, type Subscription } from 'dexie';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class LiveQueryController<T> implements ReactiveController {
  /** The latest answer (the initial value until the first one arrives). */
  value: T;
  /** The last error the query raised, if any. */
  error: unknown;
  /** Whether the current query has answered (or failed) at least once. */
  settled = false;
  private _subscription?: Subscription;
  private _connected = false;
  /** `value` as JSON, to tell a new answer from the same one again. */
  private _json?: string;

  constructor(
    private readonly _host: ReactiveControllerHost,
    private _query: () => Promise<T> | T,
    initial: T,
  ) {
    this.value = initial;
    _host.addController(this);
  }

  /** Swap the query (e.g. a new branch or staff member) and subscribe afresh. */
  setQuery(query: () => Promise<T> | T): void {
    this._query = query;
    this.settled = false;
    if (this._connected) this._subscribe();
  }

  hostConnected(): void {
    this._connected = true;
    this._subscribe();
  }

  hostDisconnected(): void {
    this._connected = false;
    this._subscription?.unsubscribe();
    this._subscription = undefined;
  }

  private _subscribe() {
    this._subscription?.unsubscribe();
    this._subscription = liveQuery(this._query).subscribe({
      next: (value) => {
        const json = jsonOf(value);
        if (this.settled && json !== undefined && json === this._json) return;
        this.value = value;
        this._json = json;
        this.settled = true;
        updateSoon(this._host);
      },
      error: (error: unknown) => {
        this.error = error;
        this.settled = true;
        console.error('Rove could not read its local data', error);
        updateSoon(this._host);
      },
    });
  }
}

/** `value` as JSON, or undefined when it cannot be compared that way. */
function jsonOf(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/** Runs a callback later; answers a function that cancels it. */
export type Later = (run: () => void) => () => void;

/**
 * When a batch of answers renders: at the next frame, or after `fallbackMs` by a timer when
 * no frame comes first. A hidden page gets no frames, so there only the timer runs (a tablet
 * in a pocket still beeps for a new request, which the staff view does as it renders).
 */
interface RenderClock {
  frame: Later | undefined;
  timer: Later;
}

const browserClock = (): RenderClock => ({
  frame:
    typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible'
      ? (run) => {
          const id = requestAnimationFrame(run);
          return () => cancelAnimationFrame(id);
        }
      : undefined,
  timer: (run) => {
    const id = setTimeout(run, 100);
    return () => clearTimeout(id);
  },
});

/**
 * A function that asks `host` to render with every other host asked before the batch runs:
 * each host renders once per batch, however many answers it had. `clock` says when a batch
 * runs; tests pass their own.
 */
export function renderBatcher(
  clock: () => RenderClock = browserClock,
): (host: ReactiveControllerHost) => void {
  const waiting = new Set<ReactiveControllerHost>();
  let scheduled = false;
  return (host) => {
    waiting.add(host);
    if (scheduled) return;
    scheduled = true;
    const { frame, timer } = clock();
    const cancels: (() => void)[] = [];
    let done = false;
    const flush = () => {
      if (done) return;
      done = true;
      for (const cancel of cancels) cancel();
      scheduled = false;
      const hosts = [...waiting];
      waiting.clear();
      for (const each of hosts) each.requestUpdate();
    };
    cancels.push(timer(flush));
    if (frame) cancels.push(frame(flush));
  };
}

/** Renders a host at the next frame, with every other answer that arrives before it. */
const updateSoon = renderBatcher();
