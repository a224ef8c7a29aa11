// The bench's client side: JSON calls over one keep-alive agent, and a lean Server-Sent Events
// reader for many streams at once. Everything here runs in the bench process, on the same two
// cores as the server, so the hot path (a chunk arriving) only stamps the time and splits lines.
import { Agent, request as httpRequest, type ClientRequest } from 'node:http';
import { performance } from 'node:perf_hooks';

/** Commands: a few dozen sockets kept alive between calls. */
const apiAgent = new Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 64 });
/** Streams: one socket each, and a thousand of them at once. */
const streamAgent = new Agent({ keepAlive: false, maxSockets: 5000 });

/** No single call may hang the bench. */
const CALL_TIMEOUT_MS = 30_000;

// Answers are arbitrary JSON that the bench reads field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Answer {
  status: number;
  body: Json;
}

export class CallError extends Error {
  constructor(
    readonly status: number,
    readonly body: Json,
    what: string,
  ) {
    super(`${what} answered ${status}: ${JSON.stringify(body)}`);
  }
}

/** One JSON call; answers whatever the server said (no throw on 4xx). */
export function call(
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const payload = body === undefined ? undefined : JSON.stringify(body);
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest(base + path, { method, headers, agent: apiAgent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: Json;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          parsed = text;
        }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
      res.on('error', reject);
    });
    req.setTimeout(CALL_TIMEOUT_MS, () =>
      req.destroy(new Error(`${method} ${path} took over ${CALL_TIMEOUT_MS} ms`)),
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** A call that must succeed (2xx); throws with the server's answer otherwise. */
export async function must(
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<Json> {
  const answer = await call(base, method, path, token, body);
  if (answer.status < 200 || answer.status >= 300) {
    throw new CallError(answer.status, answer.body, `${method} ${path}`);
  }
  return answer.body;
}

export interface StreamEvent {
  event: string;
  id?: string;
  data: string;
}

interface StreamOptions {
  token: string;
  lastEventId?: number | string;
  /** Called for every event, with the time its chunk arrived (performance.now()). */
  onEvent: (event: StreamEvent, arrivedAt: number) => void;
  /** Called once when an opened stream ends, whoever ended it (the soak reconnects then). */
  onClose?: () => void;
}

/** One open SSE connection. */
export class Stream {
  private buffer = '';
  private req?: ClientRequest;
  closed = false;

  private constructor(private readonly options: StreamOptions) {}

  /** Opens `url` and resolves once the server answered with an event stream. */
  static open(url: string, options: StreamOptions): Promise<Stream> {
    const stream = new Stream(options);
    return stream.connect(url).then(() => stream);
  }

  private connect(url: string): Promise<void> {
    const headers: Record<string, string> = {
      accept: 'text/event-stream',
      authorization: `Bearer ${this.options.token}`,
    };
    if (this.options.lastEventId !== undefined) {
      headers['last-event-id'] = String(this.options.lastEventId);
    }
    return new Promise((resolve, reject) => {
      // Only the connect is bounded: an open stream may idle as long as the bench wants.
      const timer = setTimeout(
        () => req.destroy(new Error(`stream did not answer within ${CALL_TIMEOUT_MS} ms`)),
        CALL_TIMEOUT_MS,
      );
      const req = httpRequest(url, { headers, agent: streamAgent }, (res) => {
        clearTimeout(timer);
        const type = String(res.headers['content-type'] ?? '');
        if (res.statusCode !== 200 || !type.startsWith('text/event-stream')) {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => reject(new Error(`stream answered ${res.statusCode}: ${text}`)));
          return;
        }
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => this.feed(chunk, performance.now()));
        res.on('close', () => {
          this.closed = true;
          const onClose = this.options.onClose;
          this.options.onClose = undefined;
          onClose?.();
        });
        resolve();
      });
      req.on('error', (error) => {
        clearTimeout(timer);
        this.closed = true;
        reject(error);
      });
      req.end();
      this.req = req;
    });
  }

  private feed(chunk: string, arrivedAt: number): void {
    this.buffer += chunk.includes('\r') ? chunk.replace(/\r\n?/g, '\n') : chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const event = parseBlock(block);
      if (event) this.options.onEvent(event, arrivedAt);
    }
  }

  close(): void {
    this.closed = true;
    this.req?.destroy();
  }
}

function parseBlock(block: string): StreamEvent | undefined {
  let event = 'message';
  let id: string | undefined;
  let data: string | undefined;
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'id') id = value;
    else if (field === 'data') data = data === undefined ? value : `${data}\n${value}`;
  }
  return data === undefined ? undefined : { event, id, data };
}

/** Runs `task` over `items` with at most `limit` in flight; answers results in item order. */
export async function pool<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Resolves when `check()` is true, polling every `everyMs`; rejects after `timeoutMs`. */
export async function until(
  check: () => boolean,
  what: string,
  timeoutMs = 10_000,
  everyMs = 2,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
