// What Rove's log lines may carry. The serializers allow known fields only, so a line never
// holds a request body, SQL text or parameters, a driver's `detail`, names, notes, PINs or
// hashes: a failing insert once wrote a patron's note (and a PIN hash) to stdout through the
// driver error's `query` and `params`. See docs/SECURITY.md "Logs".

/** What the serializers read of a request and a reply (Fastify's or Node's). */
interface RequestLike {
  id?: unknown;
  method?: string;
  url?: string;
}
interface ReplyLike {
  statusCode?: number;
}

/** A SQLSTATE (PostgreSQL and PGlite errors): five characters, digits and capitals. */
const SQLSTATE = /^[0-9A-Z]{5}$/;

/** Quoted parts of a database message are values ("invalid input syntax for type uuid: "…""). */
function withoutValues(message: string): string {
  return message.replace(/"[^"]*"/g, '"…"').replace(/\([^)]*\)=\([^)]*\)/g, '(…)=(…)');
}

interface LoggedError {
  type: string;
  message: string;
  code?: string;
  stack: string;
  [key: string]: unknown;
}

/** An error as a log line may hold it: type, message, code and call frames; nothing else. */
function serializeError(error: unknown): LoggedError {
  if (!(error instanceof Error))
    return { type: typeof error, message: 'a thrown non-error', stack: '' };
  const raw = error as Error & { code?: unknown };
  const code = typeof raw.code === 'string' || typeof raw.code === 'number' ? String(raw.code) : '';
  const fromDatabase = SQLSTATE.test(code) || 'query' in raw || 'params' in raw;
  const message = fromDatabase ? withoutValues(raw.message) : raw.message;
  // The stack's first line repeats the message: keep only the frames.
  const frames = (raw.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
  const type = raw.name || raw.constructor?.name || 'Error';
  return {
    type,
    message,
    ...(code ? { code } : {}),
    stack: frames ? `${type}: ${message}\n${frames}` : '',
  };
}

/** A request as a log line may hold it: method, path (no query string), id. */
function serializeRequest(request: RequestLike): {
  method?: string;
  url?: string;
  [key: string]: unknown;
} {
  return {
    id: request.id,
    method: request.method,
    url: (request.url ?? '').split('?')[0],
  };
}

function serializeReply(reply: ReplyLike): { statusCode?: number } {
  return { statusCode: reply.statusCode };
}

/** Pino's `serializers` for Fastify's logger. */
export const LOG_SERIALIZERS = {
  err: serializeError,
  error: serializeError,
  req: serializeRequest,
  res: serializeReply,
};
