// The bench's reference server: the floor of the machine. A small in-memory server on plain
// node:http that answers exactly the calls the bench makes (sign-ins, branches, staff,
// enrollment, topics, kiosk requests, staff actions, the staff event stream, health) with the
// same wire shapes and the same event framing and ids as Rove, and nothing else: no store, no
// validation, no credentials checked, no rate limits, no logging. Whatever Rove does beyond
// this is its cost; what this costs is the harness's (the client, the kernel, Node's HTTP) and
// any server on this machine pays it too. The bench runs it as its own process, as it runs
// Rove, and measures both with the same client, alternately (tests/bench/README.md, Method).
//
// With a `Durable` (floor-server.ts) it is the **store floor**: the same server, but each
// create and each action is first written to the store in one statement through Rove's own
// drivers, and answered, and published, only once committed. What that adds to the reference
// is what a durable write costs on that store, whatever the server around it.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * A store the floor server writes each change to before it answers: `made` a new request,
 * `acted` a change of status that holds only if the stored status is `from` (false: refused).
 */
export interface Durable {
  made(request: Readonly<Req>): Promise<void>;
  acted(request: Readonly<Req>, from: Req['status']): Promise<boolean>;
}

export interface Req {
  id: string;
  branchId: string;
  ticket: string;
  topicId: string;
  skill: string;
  status: 'waiting' | 'claimed' | 'serving' | 'resolved' | 'cancelled';
  name?: string;
  needs: string[];
  origin: 'kiosk';
  claimedBy?: { id: string; displayName: string };
  version: number;
  createdAt: string;
  claimedAt?: string;
  servedAt?: string;
  closedAt?: string;
}

interface LoggedFrame {
  seq: number;
  branchId: string;
  frame: string;
}

let seq = 0;
const requests = new Map<string, Req>();
/** Every event in order, for a stream that resumes with Last-Event-ID. */
const log: LoggedFrame[] = [];
/** Open staff streams by branch. */
const streams = new Map<string, Set<ServerResponse>>();
const staffNames = new Map<string, string>();
/** Session token -> staff id (so a claim can say who claimed). */
const sessions = new Map<string, string>();
let tickets = 0;

const TOPIC = (branchId: string) => ({
  id: 'computers',
  branchId,
  label: 'Computers, phones and printing',
  skill: 'tech',
  icon: 'computer',
  position: 0,
  hidden: false,
  labels: {},
});

/** The same framing as Rove's (src/server/stream/frames.ts). */
function frame(event: string, data: unknown, id?: number): string {
  const idLine = id === undefined ? '' : `id: ${id}\n`;
  return `${idLine}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Logs a request event and writes the one frame to every staff stream of its branch. */
function publish(request: Req): void {
  seq += 1;
  const text = frame('request', { request }, seq);
  log.push({ seq, branchId: request.branchId, frame: text });
  for (const response of streams.get(request.branchId) ?? []) response.write(text);
}

function send(response: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    response.writeHead(status, { 'content-length': '0' });
    response.end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

function bearer(request: IncomingMessage): string {
  return (request.headers.authorization ?? '').replace(/^Bearer /, '');
}

function openStream(request: IncomingMessage, response: ServerResponse, branchId: string): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
  });
  let first = 'retry: 5000\n\n';
  const raw = request.headers['last-event-id'];
  const after = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : undefined;
  if (after === undefined) {
    const open = [...requests.values()].filter(
      (r) => r.branchId === branchId && (r.status === 'waiting' || r.status === 'claimed'),
    );
    first += frame('snapshot', { seq, requests: open, presence: [], notices: [] }, seq);
  } else {
    // The log is in seq order: find the first event after `after` and send the branch's.
    let from = log.length;
    while (from > 0 && log[from - 1]!.seq > after) from--;
    for (let i = from; i < log.length; i++) {
      if (log[i]!.branchId === branchId) first += log[i]!.frame;
    }
  }
  response.write(first);
  let open = streams.get(branchId);
  if (!open) streams.set(branchId, (open = new Set()));
  open.add(response);
  response.on('close', () => open.delete(response));
}

/** What `action` makes of `request`, or undefined for an action the bench never sends. */
function acted(request: Req, action: string, staffId: string): Req | undefined {
  const now = new Date().toISOString();
  const next: Req = { ...request, version: request.version + 1 };
  if (action === 'claim') {
    next.status = 'claimed';
    next.claimedBy = { id: staffId, displayName: staffNames.get(staffId) ?? 'Rover' };
    next.claimedAt = now;
  } else if (action === 'release') {
    next.status = 'waiting';
    delete next.claimedBy;
    delete next.claimedAt;
  } else if (action === 'start') {
    next.status = 'serving';
    next.servedAt = now;
  } else if (action === 'cancel') {
    next.status = 'cancelled';
    next.closedAt = now;
  } else return undefined;
  return next;
}

const ALREADY_CLAIMED = { error: { code: 'conflict', message: 'Already claimed.' } };

async function act(
  id: string,
  action: string,
  staffId: string,
  durable?: Durable,
): Promise<[number, unknown]> {
  const request = requests.get(id);
  if (!request) return [404, { error: { code: 'not_found', message: 'No such request.' } }];
  if (action === 'claim' && request.status !== 'waiting') {
    return [409, { ...ALREADY_CLAIMED, request }];
  }
  const next = acted(request, action, staffId);
  if (!next) return [404, { error: { code: 'not_found', message: 'No such action.' } }];
  // The store decides (as Rove's guarded UPDATE does): of claims sent at once, one wins.
  if (durable && !(await durable.acted(next, request.status))) {
    return [409, { ...ALREADY_CLAIMED, request: requests.get(id) }];
  }
  requests.set(id, next);
  publish(next);
  return [200, { request: next }];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

async function route(
  request: IncomingMessage,
  response: ServerResponse,
  body: Body,
  durable?: Durable,
): Promise<void> {
  const method = request.method ?? 'GET';
  const path = (request.url ?? '/').split('?')[0]!;
  const parts = path.split('/').filter(Boolean);
  if (parts[0] !== 'api') return send(response, 404);
  const [, a, b, c] = parts;
  if (method === 'GET' && a === 'health') return send(response, 200, { ok: true, store: 'none' });
  if (method === 'POST' && a === 'session' && b === 'admin') {
    return send(response, 200, { token: randomUUID(), role: 'admin' });
  }
  if (method === 'POST' && a === 'session' && b === 'staff') {
    const token = randomUUID();
    sessions.set(token, body.staffId);
    return send(response, 200, {
      token,
      staff: { id: body.staffId, displayName: staffNames.get(body.staffId), skills: [] },
    });
  }
  if (method === 'POST' && a === 'branches' && !b) {
    return send(response, 201, { id: body.id, name: body.name });
  }
  if (method === 'GET' && a === 'branches' && c === 'topics') {
    return send(response, 200, { topics: [TOPIC(b!)] });
  }
  if (method === 'GET' && a === 'branches' && c === 'events') {
    return openStream(request, response, b!);
  }
  if (method === 'GET' && a === 'branches' && c === 'requests') {
    const open = [...requests.values()].filter(
      (r) => r.branchId === b && (r.status === 'waiting' || r.status === 'claimed'),
    );
    return send(response, 200, { requests: open, seq });
  }
  if (method === 'POST' && a === 'staff') {
    const id = randomUUID();
    staffNames.set(id, body.displayName);
    return send(response, 201, { id, ...body, pin: undefined, languages: [] });
  }
  if (method === 'POST' && a === 'devices' && b === 'enrollments') {
    return send(response, 201, { code: `${body.branchId}:${body.kind}:${randomUUID()}` });
  }
  if (method === 'POST' && a === 'devices' && b === 'enroll') {
    const [branchId, kind] = String(body.code).split(':');
    const token = `${branchId}:${randomUUID()}`;
    return send(response, 201, { token, device: { id: randomUUID(), branchId, kind } });
  }
  if (method === 'POST' && a === 'requests' && !b) {
    const branchId = bearer(request).split(':')[0]!;
    tickets += 1;
    const made: Req = {
      id: body.id,
      branchId,
      ticket: `A${tickets % 1000}`,
      topicId: body.topicId,
      skill: 'tech',
      status: 'waiting',
      name: body.name,
      needs: [],
      origin: 'kiosk',
      version: 1,
      createdAt: new Date().toISOString(),
    };
    if (durable) await durable.made(made);
    requests.set(made.id, made);
    publish(made);
    return send(response, 201, { request: made });
  }
  if (method === 'POST' && a === 'requests' && b && c) {
    const [status, answer] = await act(b, c, sessions.get(bearer(request)) ?? '', durable);
    return send(response, status, answer);
  }
  return send(response, 404, { error: { code: 'not_found', message: `${method} ${path}` } });
}

/**
 * Serves on PORT and HOST, and prints "The reference server is running at http://HOST:PORT"
 * (the bench waits for it). `durable`: the store floor (floor-server.ts).
 */
export function serveReference(durable?: Durable, onClose?: () => Promise<void>): void {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      route(request, response, text ? JSON.parse(text) : {}, durable).catch((error: unknown) => {
        console.error(error);
        send(response, 500, { error: { code: 'internal', message: String(error) } });
      });
    });
  });
  server.keepAliveTimeout = 72_000;

  const host = process.env.HOST ?? '127.0.0.1';
  server.listen(Number(process.env.PORT ?? 0), host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    console.log(`The reference server is running at http://${host}:${port}`);
  });
  process.on('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => void (onClose?.() ?? Promise.resolve()).finally(() => process.exit(0)));
  });
}
