// A Lit ReactiveController around Dexie's liveQuery: the host re-renders whenever the answer
// changes, and the subscription lives exactly as long as the host is connected.
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
        this.value = value;
        this.settled = true;
        this._host.requestUpdate();
      },
      error: (error: unknown) => {
        this.error = error;
        this.settled = true;
        console.error('Rove could not read its local data', error);
        this._host.requestUpdate();
      },
    });
  }
}
