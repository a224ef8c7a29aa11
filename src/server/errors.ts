// The protocol's refusals as one error type, thrown by the store and the routes alike and
// turned into `{error: {code, message}}` with the matching status by the app's one handler.
import type { ErrorCode, HelpRequest } from '../shared/schemas.js';

export const STATUS_OF: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  internal: 500,
};

export class RoveError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra fields of the answer: the current request on a 409, Retry-After seconds on a 429. */
    readonly extra: { request?: HelpRequest; retryAfter?: number } = {},
  ) {
    super(message);
    this.name = 'RoveError';
    this.status = STATUS_OF[code] ?? 500;
  }
}

export const notFound = (what: string) => new RoveError('not_found', `${what} was not found`);
export const forbidden = (message: string) => new RoveError('forbidden', message);
export const unauthenticated = (
  message = 'Sign in first: this call needs a session or an enrolled device',
) => new RoveError('unauthenticated', message);
export const invalid = (message: string) => new RoveError('invalid', message);
export const conflict = (message: string, request?: HelpRequest) =>
  new RoveError('conflict', message, request ? { request } : {});
export const rateLimited = (message: string, retryAfter: number) =>
  new RoveError('rate_limited', message, { retryAfter: Math.max(1, Math.ceil(retryAfter)) });
