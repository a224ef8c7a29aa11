// The protocol's refusals as one error type, in the domain's terms (not found, conflict, ...),
// thrown by the store and the routes alike. It carries no HTTP status: the app's one handler
// (http-errors.ts) turns it into `{error: {code, message}}` with the status docs/API.md gives.
import type { ErrorCode, ErrorReason, HelpRequest } from '../shared/schemas.js';

export class RoveError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra fields of the answer: the current request on a 409, Retry-After seconds on a 429. */
    readonly extra: { request?: HelpRequest; retryAfter?: number; reason?: ErrorReason } = {},
  ) {
    super(message);
    this.name = 'RoveError';
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
/** A retired skill given to a topic or person that did not have it (docs/API.md, "Skills"). */
export const skillRetired = (id: string) =>
  new RoveError(
    'conflict',
    `Skill "${id}" is retired: it can no longer be given to a topic or a person (bring it back first)`,
    { reason: 'skill_retired' },
  );
