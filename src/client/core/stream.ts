// The server's event stream (Server-Sent Events), read with fetch and eventsource-parser rather
// than EventSource: EventSource hides the status of a refused stream and drops the server's
// heartbeat comments, so it cannot tell a live stream that is quiet from a dead one. Here any
// byte (an event or the `: ping` comment the server sends every 15 s) says the stream is alive,
// and no byte for SILENCE_MS means it is not: it is closed and `lost` is called, and the sync
// engine reconnects from the replica's own cursor. One connection per call.
import { createParser } from 'eventsource-parser';
import type { StreamEvent, StreamEventName } from '../../shared/events.js';

/** Any stream's messages: `{name, data}` by the `event:` name (src/shared/events.ts). */
type AnyEvent = { name: StreamEventName; data: unknown };

export interface StreamHandlers<E extends AnyEvent = StreamEvent> {
  /** The server accepted the stream. */
  open(): void;
  /** One event, its JSON data parsed, and its `id` (the seq) when it has one. */
  event(event: E, id: number | undefined): void;
  /** Bytes arrived (an event or a heartbeat): the server is there right now. */
  alive?(): void;
  /**
   * The stream broke (network, server gone, silence, or refused with `status`); it is already
   * closed.
   */
  lost(status?: number): void;
}

const EVENT_NAMES: readonly string[] = [
  'snapshot',
  'request',
  'topic',
  'line',
  'script',
  'branch',
  'presence',
  'alert',
  'notice',
];

/**
 * No byte for this long and the stream counts as dead. The server sends a heartbeat every
 * ROVE_HEARTBEAT_MS (15 s by default, 20 s at most), so this leaves room for the longest.
 */
export const SILENCE_MS = 25_000;

/** The branch's stream (its staff's, which a supervisor may watch too), or the kiosk's own. */
export function streamPath(kind: 'staff' | 'kiosk' | 'admin', branchId: string): string {
  return kind === 'kiosk'
    ? '/api/kiosk/events'
    : `/api/branches/${encodeURIComponent(branchId)}/events`;
}

/** The public scripts stream: anyone may hold it (a greeter's tablet with nobody signed in). */
export const SCRIPTS_STREAM_PATH = '/api/scripts/events';

/**
 * Opens `path`, resuming after `lastEventId` when given (`?lastEventId=`, which the server reads
 * like the header). Returns the close function; after it, no handler is called.
 */
export function openEventStream<E extends AnyEvent = StreamEvent>(
  path: string,
  lastEventId: number | undefined,
  handlers: StreamHandlers<E>,
  silenceMs = SILENCE_MS,
): () => void {
  const url = lastEventId === undefined ? path : `${path}?lastEventId=${lastEventId}`;
  const abort = new AbortController();
  let closed = false;
  let silence: ReturnType<typeof setTimeout> | undefined;
  const close = () => {
    closed = true;
    if (silence !== undefined) clearTimeout(silence);
    abort.abort();
  };
  const lost = (status?: number) => {
    if (closed) return;
    close();
    handlers.lost(status);
  };
  const heard = () => {
    if (silence !== undefined) clearTimeout(silence);
    silence = setTimeout(() => lost(), silenceMs);
  };

  const parser = createParser({
    onEvent({ event, id, data }) {
      if (closed || !event || !EVENT_NAMES.includes(event)) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(data);
      } catch {
        console.warn(`Rove ignored an unreadable ${event} event`);
        return;
      }
      const seq = event === 'line' || !id ? undefined : Number(id);
      // The one place the wire meets the types: the server sends what docs/API.md says.
      handlers.event({ name: event, data: parsed } as E, Number.isFinite(seq) ? seq : undefined);
    },
  });

  const read = async () => {
    heard();
    const response = await fetch(url, {
      headers: { accept: 'text/event-stream' },
      credentials: 'same-origin',
      cache: 'no-store',
      signal: abort.signal,
    });
    if (!response.ok || !response.body) return lost(response.status);
    if (closed) return;
    handlers.open();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done || closed) break;
      heard();
      handlers.alive?.();
      parser.feed(value);
    }
    lost();
  };
  read().catch(() => lost());
  return close;
}

/** Waits before the `failures`-th reopen in a row: 1, 2, 4, 8, then 15 s. */
export function backoffMs(failures: number): number {
  return Math.min(15_000, 1000 * 2 ** Math.min(Math.max(failures - 1, 0), 4));
}

export interface KeptStream<E extends AnyEvent = StreamEvent> extends Omit<
  StreamHandlers<E>,
  'lost'
> {
  path: string;
  /** Where each (re)open resumes from; undefined asks for a snapshot. */
  cursor?(failures: number): Promise<number | undefined> | number | undefined;
  /** The stream broke (`failures` in a row so far); it is reopened after a backoff. */
  lost?(status: number | undefined, failures: number): void;
  /** Silence after which a page coming back into view reopens at once (tests shorten it). */
  staleMs?: number;
}

/**
 * The server's heartbeat comes every 15 s: a page shown again after longer than this without a
 * byte (a phone or tablet that slept) does not wait out the silence limit; its stream reopens.
 */
const STALE_ON_WAKE_MS = 20_000;

/**
 * Keeps `path` open until the returned stop is called: the one reconnecting loop of the client.
 * A lost stream is reopened after a backoff (at once when the browser says it is back online,
 * or when the page is shown again after a sleep), resuming from `cursor`; an open resets the
 * count of failures.
 */
export function keepStreamOpen<E extends AnyEvent = StreamEvent>(kept: KeptStream<E>): () => void {
  let close: (() => void) | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;
  /** When the open stream last sent a byte (epoch ms). */
  let lastHeard = Date.now();

  const connect = async () => {
    retry = undefined;
    if (stopped) return;
    const cursor = await kept.cursor?.(failures);
    if (stopped) return;
    close = openEventStream<E>(kept.path, cursor, {
      open() {
        failures = 0;
        lastHeard = Date.now();
        kept.open();
      },
      event: (event, id) => kept.event(event, id),
      alive: () => {
        lastHeard = Date.now();
        kept.alive?.();
      },
      lost(status) {
        close = undefined;
        failures++;
        kept.lost?.(status, failures);
        if (!stopped) retry = setTimeout(() => void connect(), backoffMs(failures));
      },
    });
  };

  const onOnline = () => {
    // The browser has a network again: do not sit out the rest of a long backoff.
    if (close || stopped) return;
    if (retry !== undefined) clearTimeout(retry);
    void connect();
  };
  const onShown = () => {
    // Timers stop while a device sleeps: on waking, a stream that has heard nothing for longer
    // than a heartbeat is taken as dead now, and one waiting out a backoff tries now.
    if (stopped || document.visibilityState !== 'visible') return;
    if (close) {
      if (Date.now() - lastHeard <= (kept.staleMs ?? STALE_ON_WAKE_MS)) return;
      close();
      close = undefined;
    } else if (retry !== undefined) clearTimeout(retry);
    else return;
    void connect();
  };
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onShown);
  void connect();

  return () => {
    stopped = true;
    window.removeEventListener('online', onOnline);
    document.removeEventListener('visibilitychange', onShown);
    if (retry !== undefined) clearTimeout(retry);
    close?.();
  };
}
