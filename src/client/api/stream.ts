// The server's event stream (Server-Sent Events). One connection per call; the sync engine
// decides when to reconnect, so it always resumes from the replica's own cursor.
import type { StreamEventName } from '../../shared/events.js';

export interface StreamHandlers {
  /** The server accepted the stream. */
  open(): void;
  /** One event, its JSON data parsed, and its `id` (the seq) when it has one. */
  event(name: StreamEventName, data: unknown, id: number | undefined): void;
  /** The stream broke (network, server gone, or refused); it is already closed. */
  lost(): void;
}

const EVENT_NAMES: StreamEventName[] = ['snapshot', 'request', 'topic', 'line', 'script', 'branch'];

/** The staff stream of a branch, or the kiosk's own. */
export function streamPath(kind: 'staff' | 'kiosk', branchId: string): string {
  return kind === 'kiosk'
    ? '/api/kiosk/events'
    : `/api/branches/${encodeURIComponent(branchId)}/events`;
}

/** The public scripts stream: anyone may hold it (a greeter's tablet with nobody signed in). */
export const SCRIPTS_STREAM_PATH = '/api/scripts/events';

/**
 * Opens `path`, resuming after `lastEventId` when given (as the query parameter: EventSource
 * cannot set the header on its first connection). Returns the close function.
 */
export function openEventStream(
  path: string,
  lastEventId: number | undefined,
  handlers: StreamHandlers,
): () => void {
  const url = lastEventId === undefined ? path : `${path}?lastEventId=${lastEventId}`;
  const source = new EventSource(url, { withCredentials: true });
  let closed = false;
  const close = () => {
    closed = true;
    source.close();
  };
  source.addEventListener('open', () => {
    if (!closed) handlers.open();
  });
  source.addEventListener('error', () => {
    if (closed) return;
    // We reconnect ourselves, from the replica's cursor rather than EventSource's own.
    close();
    handlers.lost();
  });
  for (const name of EVENT_NAMES) {
    source.addEventListener(name, (message) => {
      if (closed) return;
      const { data, lastEventId: id } = message as MessageEvent<string>;
      let parsed: unknown;
      try {
        parsed = JSON.parse(data);
      } catch {
        console.warn(`Rove ignored an unreadable ${name} event`);
        return;
      }
      const seq = name === 'line' || id === '' ? undefined : Number(id);
      handlers.event(name, parsed, Number.isFinite(seq) ? seq : undefined);
    });
  }
  return close;
}
