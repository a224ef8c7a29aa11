// The server's event stream at the network boundary, for component tests: the page's fetch of
// an `/events` path is answered by a stream the test accepts, feeds Server-Sent Events into
// (`event:`, `id:`, JSON `data:`, `: ping`) and breaks, the way the real server would. Every
// other fetch goes on to whatever fetch the page had (often the "network down" one).
import { waitFor } from './by-role.js';
import type { HelpRequest } from '../../../src/shared/schemas.js';

const encoder = new TextEncoder();

export class FakeEventSource {
  /** Every stream the page opened, oldest first. */
  static opened: FakeEventSource[] = [];
  closed = false;
  readonly response: Promise<Response>;
  private answer!: (response: Response) => void;
  private refuseWith!: (error: Error) => void;
  private body?: ReadableStreamDefaultController<Uint8Array>;

  constructor(
    readonly url: string,
    signal?: AbortSignal | null,
  ) {
    this.response = new Promise<Response>((resolve, reject) => {
      this.answer = resolve;
      this.refuseWith = reject;
    });
    signal?.addEventListener('abort', () => {
      this.closed = true;
      const aborted = new DOMException('The page closed the stream', 'AbortError');
      this.refuseWith(aborted);
      try {
        this.body?.error(aborted);
      } catch {
        // already closed
      }
    });
    FakeEventSource.opened.push(this);
  }

  /** The server accepts the stream. */
  accept(): this {
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => (this.body = controller),
    });
    this.answer(new Response(body, { headers: { 'content-type': 'text/event-stream' } }));
    return this;
  }

  /** The server refuses it (401 signed out, 429 too many streams, ...). */
  refuse(status: number): void {
    this.answer(new Response('{}', { status, headers: { 'content-type': 'application/json' } }));
  }

  private write(text: string): this {
    if (!this.closed) this.body?.enqueue(encoder.encode(text));
    return this;
  }

  /** One event, as the server sends it. */
  send(name: string, data: unknown, id?: number): this {
    const idLine = id === undefined ? '' : `id: ${id}\n`;
    return this.write(`event: ${name}\n${idLine}data: ${JSON.stringify(data)}\n\n`);
  }

  /** The server's heartbeat comment. */
  ping(): this {
    return this.write(': ping\n\n');
  }

  snapshot(seq: number, requests: HelpRequest[]): this {
    return this.send('snapshot', { seq, requests }, seq);
  }

  request(seq: number, request: HelpRequest): this {
    return this.send('request', { request }, seq);
  }

  /** The connection breaks (the network, or the server went away). */
  drop(): void {
    const broken = new TypeError('network error');
    this.refuseWith(broken);
    try {
      this.body?.error(broken);
    } catch {
      // already closed
    }
  }
}

let pageFetch: typeof fetch | undefined;
let ours: typeof fetch | undefined;

/** Answers the page's `/events` fetches with fake streams from now on. */
export function installFakeStream(): void {
  FakeEventSource.opened = [];
  const inner = window.fetch;
  pageFetch = inner;
  ours = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!new URL(url, location.href).pathname.endsWith('/events')) return inner(input, init);
    return new FakeEventSource(url, init?.signal).response;
  };
  window.fetch = ours;
}

/** Puts back the fetch it found, unless someone has since put back their own. */
export function restoreStream(): void {
  if (ours && window.fetch === ours && pageFetch) window.fetch = pageFetch;
  ours = undefined;
  pageFetch = undefined;
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
