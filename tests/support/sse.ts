// A tiny Server-Sent Events client over node:http, so tests can set `Last-Event-ID`, see
// comment lines (`: ping`) and read the raw stream the way a proxy or EventSource would.
import { request as httpRequest, type IncomingMessage, type ClientRequest } from 'node:http';

export interface SseEvent {
  /** `event:` field; `message` when the server sent none. */
  event: string;
  /** `id:` field, when given. */
  id?: string;
  /** `data:` lines joined with `\n`. */
  data: string;
  /** `data` parsed as JSON (undefined when it is not JSON). */
  json: unknown;
}

export interface OpenStreamOptions {
  token?: string;
  lastEventId?: string | number;
  headers?: Record<string, string>;
}

/** Waits for something on a stream; fails the test rather than hanging forever. */
const WAIT_MS = 15_000;

export class SseStream {
  /** Every event received, in order. */
  readonly events: SseEvent[] = [];
  /** Every comment line's text (after the colon, trimmed). */
  readonly comments: string[] = [];
  status = 0;
  headers: IncomingMessage['headers'] = {};
  /** The body, when the server answered something other than an event stream. */
  errorBody = '';
  private cursor = 0;
  private buffer = '';
  private waiters: (() => void)[] = [];
  private ended = false;
  private req?: ClientRequest;

  /** Opens the stream and resolves once the response headers are in. */
  static open(url: string, options: OpenStreamOptions = {}): Promise<SseStream> {
    const stream = new SseStream();
    return stream.connect(url, options).then(() => stream);
  }

  private connect(url: string, options: OpenStreamOptions): Promise<void> {
    const headers: Record<string, string> = { accept: 'text/event-stream', ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.lastEventId !== undefined) headers['last-event-id'] = String(options.lastEventId);
    return new Promise((resolve, reject) => {
      const req = httpRequest(url, { headers }, (res) => {
        this.status = res.statusCode ?? 0;
        this.headers = res.headers;
        res.setEncoding('utf8');
        const isStream = String(res.headers['content-type'] ?? '').startsWith('text/event-stream');
        res.on('data', (chunk: string) => {
          if (isStream) this.feed(chunk);
          else this.errorBody += chunk;
        });
        res.on('end', () => this.finish());
        res.on('close', () => this.finish());
        if (isStream) resolve();
        else res.on('end', () => resolve());
      });
      req.on('error', (error) => {
        this.finish();
        reject(error);
      });
      req.end();
      this.req = req;
    });
  }

  /** The parsed error body of a refused stream. */
  get errorJson(): unknown {
    return this.errorBody ? JSON.parse(this.errorBody) : undefined;
  }

  get closed(): boolean {
    return this.ended;
  }

  private finish(): void {
    this.ended = true;
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private feed(chunk: string): void {
    this.buffer += chunk.replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.parseBlock(block);
    }
    this.wake();
  }

  private parseBlock(block: string): void {
    let event = 'message';
    let id: string | undefined;
    const data: string[] = [];
    let hasField = false;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        this.comments.push(line.slice(1).trim());
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      hasField = true;
      if (field === 'event') event = value;
      else if (field === 'id') id = value;
      else if (field === 'data') data.push(value);
    }
    if (!hasField || data.length === 0) return;
    const text = data.join('\n');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    this.events.push({ event, id, data: text, json });
  }

  private async waitFor<T>(check: () => T | undefined, what: string, waitMs = WAIT_MS): Promise<T> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const found = check();
      if (found !== undefined) return found;
      if (this.ended) throw new Error(`Stream ended while waiting for ${what}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No ${what} within ${waitMs} ms; got ${this.describe()}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private describe(): string {
    return JSON.stringify(this.events.map((e) => ({ event: e.event, id: e.id })));
  }

  /** The next event not yet taken by `next`/`until` (optionally only of that name). */
  next(event?: string): Promise<SseEvent> {
    return this.waitFor(
      () => {
        while (this.cursor < this.events.length) {
          const candidate = this.events[this.cursor++]!;
          if (!event || candidate.event === event) return candidate;
        }
        return undefined;
      },
      event ? `"${event}" event` : 'event',
    );
  }

  /**
   * Every event from the cursor up to and including the first that matches `stop`. Used to
   * check "no gap, no repeat": make a marker change, then read until it shows up.
   */
  until(stop: (event: SseEvent) => boolean, what = 'matching event'): Promise<SseEvent[]> {
    // Each event is offered to `stop` once, so a counting predicate stays right.
    let scanned = this.cursor;
    return this.waitFor(() => {
      for (let i = scanned; i < this.events.length; i = ++scanned) {
        if (stop(this.events[i]!)) {
          const taken = this.events.slice(this.cursor, i + 1);
          this.cursor = i + 1;
          return taken;
        }
      }
      return undefined;
    }, what);
  }

  /** Every event from the cursor until `count` events named `event` have been taken. */
  take(count: number, event = 'request'): Promise<SseEvent[]> {
    let seen = 0;
    return this.until(
      (candidate) => candidate.event === event && ++seen === count,
      `${count} "${event}" events`,
    );
  }

  /** Waits for the next comment line (a heartbeat): docs/API.md "Event streams" promises one every 20 s at most. */
  nextComment(): Promise<string> {
    const seen = this.comments.length;
    return this.waitFor(() => this.comments[seen], 'comment line', 25_000);
  }

  /** Resolves once the stream has ended (the server closed it); fails after `waitMs`. */
  whenEnded(waitMs = WAIT_MS): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The stream was still open after ${waitMs} ms`)),
        waitMs,
      );
      const check = () => {
        if (!this.ended) return void this.waiters.push(check);
        clearTimeout(timer);
        resolve();
      };
      check();
    });
  }

  close(): void {
    this.req?.destroy();
    this.finish();
  }
}
