// The server's event stream at the network boundary, for component tests: the page's
// EventSource is replaced by one that the test accepts, feeds events into and breaks, the way
// the real server would (Server-Sent Events with `event:`, `id:` and JSON `data:`).
import { waitFor } from '../admin/by-role.js';
import type { HelpRequest } from '../../../src/shared/schemas.js';

export class FakeEventSource extends EventTarget {
  /** Every stream the page opened, oldest first. */
  static opened: FakeEventSource[] = [];
  readonly withCredentials = true;
  closed = false;

  constructor(readonly url: string) {
    super();
    FakeEventSource.opened.push(this);
  }

  close(): void {
    this.closed = true;
  }

  /** The server accepts the stream. */
  accept(): this {
    this.dispatchEvent(new Event('open'));
    return this;
  }

  /** One event, as the server sends it. */
  send(name: string, data: unknown, id?: number): this {
    const lastEventId = id === undefined ? '' : String(id);
    this.dispatchEvent(new MessageEvent(name, { data: JSON.stringify(data), lastEventId }));
    return this;
  }

  snapshot(seq: number, requests: HelpRequest[]): this {
    return this.send('snapshot', { seq, requests }, seq);
  }

  request(seq: number, request: HelpRequest): this {
    return this.send('request', { request }, seq);
  }

  /** The connection breaks (the network, or the server went away). */
  drop(): void {
    this.dispatchEvent(new Event('error'));
  }
}

const realEventSource = window.EventSource;

export function installFakeStream(): void {
  FakeEventSource.opened = [];
  window.EventSource = FakeEventSource as unknown as typeof EventSource;
}

export function restoreStream(): void {
  window.EventSource = realEventSource;
}

/** The `n`th stream the page opened (1 for the first), once it has. */
export function nthStream(n: number): Promise<FakeEventSource> {
  return waitFor(
    () => {
      const stream = FakeEventSource.opened[n - 1];
      if (!stream) throw new Error(`${FakeEventSource.opened.length} opened`);
      return stream;
    },
    `stream ${n} to open`,
    5000,
  );
}
