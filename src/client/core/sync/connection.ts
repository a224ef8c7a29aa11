// Whether this device can hear the server right now, as one small observable every surface
// shows: online, reconnecting (lost it a moment ago, trying again), or offline since a time,
// and whether the server itself answered that it is in trouble (503: its store is down).

export type ConnectionStatus = 'online' | 'reconnecting' | 'offline';

export interface ConnectionState {
  status: ConnectionStatus;
  /** When the connection was first lost (ISO), for "offline since 10:42"; unset when online. */
  since?: string;
  /**
   * The server answered, but could not serve (503 `unavailable`: its store is down or full):
   * not the device's network. Unset when online.
   */
  trouble?: boolean;
}

/** After this long without the stream back, "reconnecting" becomes "offline". */
const GRACE_MS = 6000;

type Listener = (state: ConnectionState) => void;
const listeners = new Set<Listener>();
let state: ConnectionState = { status: 'online' };
let graceTimer: ReturnType<typeof setTimeout> | undefined;
/** True while a live stream is wanted: then only an open stream counts as online. */
let streaming = false;

function set(next: ConnectionState) {
  if (next.status === state.status && next.since === state.since && next.trouble === state.trouble)
    return;
  state = next;
  for (const listener of listeners) listener(state);
}

function lost(now = new Date().toISOString(), trouble?: boolean) {
  const since = state.since ?? now;
  if (typeof navigator !== 'undefined' && navigator.onLine === false) {
    set({ status: 'offline', since });
    return;
  }
  if (state.status === 'online') set({ status: 'reconnecting', since });
  if (trouble !== undefined && state.status !== 'online')
    set({ ...state, trouble: trouble || undefined });
  if (graceTimer === undefined) {
    graceTimer = setTimeout(() => {
      graceTimer = undefined;
      if (state.status === 'reconnecting')
        set({ status: 'offline', since: state.since, trouble: state.trouble });
    }, GRACE_MS);
  }
}

function clearGrace() {
  if (graceTimer !== undefined) clearTimeout(graceTimer);
  graceTimer = undefined;
}

/** The current state. */
export function getConnection(): ConnectionState {
  return state;
}

/** Calls `listener` now and on every change; returns the unsubscribe. */
export function onConnection(listener: Listener): () => void {
  listeners.add(listener);
  listener(state);
  return () => listeners.delete(listener);
}

/** The sync engine wants a live stream (or stops wanting one). */
export function setStreaming(wanted: boolean): void {
  streaming = wanted;
  if (!wanted && (typeof navigator === 'undefined' || navigator.onLine !== false)) {
    clearGrace();
    set({ status: 'online' });
  }
}

/** The stream opened: the device hears the server. */
export function reportConnected(): void {
  clearGrace();
  set({ status: 'online' });
}

/**
 * The stream dropped or a send found no server. `since` restores a time known from before;
 * `trouble` says whether the server answered 503 (true) or did not answer at all (false).
 */
export function reportLost({ since, trouble }: { since?: string; trouble?: boolean } = {}): void {
  lost(since, trouble);
}

if (typeof window !== 'undefined') {
  if (navigator.onLine === false) set({ status: 'offline', since: new Date().toISOString() });
  window.addEventListener('offline', () => {
    clearGrace();
    set({ status: 'offline', since: state.since ?? new Date().toISOString() });
  });
  window.addEventListener('online', () => {
    // Without a stream the browser's word is all there is; with one, wait for it to open.
    if (!streaming) set({ status: 'online' });
    else set({ status: 'reconnecting', since: state.since });
  });
}
