// The kiosk stream's `event: line`: where this kiosk's waiting requests stand. Never stored:
// it is only true while the stream is open.
import type { LineEvent } from '../../../shared/events.js';

type Listener = (line: LineEvent | undefined) => void;
const listeners = new Set<Listener>();
let line: LineEvent | undefined;

export function setLine(next: LineEvent | undefined): void {
  line = next;
  for (const listener of listeners) listener(line);
}

/** Calls `listener` with the latest line now and on each change; returns the unsubscribe. */
export function onLine(listener: Listener): () => void {
  listeners.add(listener);
  listener(line);
  return () => listeners.delete(listener);
}
