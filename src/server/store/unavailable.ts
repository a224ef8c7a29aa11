// Whether an error means "the store cannot answer right now" (docs/API.md, "Errors": 503
// `unavailable`) rather than a bug: PostgreSQL stopped, restarting or refusing connections, the
// pool waiting past its timeout, or a disk that is full or cannot be written (PGlite's files
// or PostgreSQL's). Such errors pass by themselves once the store is back, so devices retry.

/** SQLSTATE classes and codes that say the store is out of reach or out of room. */
const UNAVAILABLE_STATES = [
  /^08/, // connection exception
  /^53/, // insufficient resources: disk full, out of memory, too many connections
  /^57P0[1-4]$/, // admin or crash shutdown, cannot connect now, database dropped
  /^58030$/, // io_error
  /^25006$/, // read_only_sql_transaction (a standby, or a read-only data directory)
];

/** Node's codes for a connection or file that cannot be used. */
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOSPC',
  'EROFS',
  'EIO',
  'EDQUOT',
]);

/** node-postgres says these in words only. */
const UNAVAILABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /Connection terminated/i,
  /connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /Cannot use a pool after calling end/i,
  /No space left on device/i,
];

/**
 * Why the store is unavailable, in a few words, when `error` says it is; otherwise undefined
 * (a bug, a constraint, bad input: those keep their own answers).
 */
export function unavailableReason(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, errno } = error as { code?: unknown; errno?: unknown };
  const sqlState = typeof code === 'string' ? code : undefined;
  if (sqlState && UNAVAILABLE_ERRNOS.has(sqlState)) return `${sqlState}: ${error.message}`;
  if (
    sqlState &&
    /^[0-9A-Z]{5}$/.test(sqlState) &&
    UNAVAILABLE_STATES.some((s) => s.test(sqlState))
  )
    return `${sqlState}: ${error.message}`;
  if (typeof errno === 'string' && UNAVAILABLE_ERRNOS.has(errno)) return error.message;
  if (UNAVAILABLE_MESSAGES.some((m) => m.test(error.message))) return error.message;
  // An AggregateError (a connection tried on IPv4 and IPv6) is unavailable when its parts are.
  if (error instanceof AggregateError)
    return error.errors.map(unavailableReason).find((r) => r !== undefined);
  return undefined;
}

/** How long a device should wait before trying again, in seconds (`Retry-After`). */
export const RETRY_AFTER_SECONDS = 5;
