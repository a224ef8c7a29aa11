// The app's one error handler and not-found answer: every refusal leaves as
// `{error: {code, message}}` with the protocol's status, and bad input never answers 500.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { TEXT_PATTERNS, type ErrorBody, type ErrorCode } from '../shared/schemas.js';
import { RoveError } from './errors.js';
import { RETRY_AFTER_SECONDS, unavailableReason } from './store/unavailable.js';

/** The HTTP status of each refusal (docs/API.md, "Errors"). */
const STATUS_OF: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

interface AjvIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** "body.name must NOT have more than 60 characters", "body has an unknown field "x"". */
function describeValidation(context: string | undefined, issue: AjvIssue): string {
  const where = [context ?? 'body', ...issue.instancePath.split('/').filter(Boolean)].join('.');
  switch (issue.keyword) {
    case 'additionalProperties':
      return `${where} has an unknown field "${String(issue.params.additionalProperty)}"`;
    case 'required':
      return `${where}.${String(issue.params.missingProperty)} is required`;
    case 'format':
      return `${where} must be a valid ${String(issue.params.format)}`;
    case 'anyOf':
    case 'oneOf':
      return `${where} is not one of the allowed values`;
    case 'pattern':
      return TEXT_PATTERNS.includes(String(issue.params.pattern))
        ? `${where} must not hold control characters`
        : `${where} is not in the expected form`;
    case 'minProperties':
      return `${where} must change at least one field`;
    default:
      return `${where} ${issue.message ?? 'is not valid'}`;
  }
}

const CODE_OF: Record<number, ErrorCode> = Object.fromEntries(
  Object.entries(STATUS_OF).map(([code, status]) => [status, code as ErrorCode]),
);

export function send(
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  message: string,
  extra = {},
  reason?: ErrorBody['error']['reason'],
) {
  const body: ErrorBody = {
    error: reason ? { code, message, reason } : { code, message },
    ...extra,
  };
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof RoveError) {
    if (error.extra.retryAfter !== undefined)
      reply.header('retry-after', String(error.extra.retryAfter));
    const extra = error.extra.request ? { request: error.extra.request } : {};
    const { reason } = error.extra;
    return send(reply, STATUS_OF[error.code] ?? 500, error.code, error.message, extra, reason);
  }
  if (error.validation) {
    const first = error.validation[0] as AjvIssue | undefined;
    const message = first
      ? describeValidation(error.validationContext, first)
      : 'The request is not valid';
    return send(reply, 400, 'invalid', message);
  }
  const status = error.statusCode ?? 500;
  if (status === 413)
    return send(reply, 413, 'too_large', 'The body is too large (16 KiB at most)');
  if (status === 415)
    return send(reply, 400, 'invalid', 'Send the body as JSON (Content-Type: application/json)');
  if (status === 400 && /JSON/i.test(`${error.code} ${error.message}`)) {
    return send(reply, 400, 'invalid', `The body is not valid JSON: ${error.message}`);
  }
  if (status === 429) {
    return send(reply, 429, 'rate_limited', 'Too many tries; wait a moment and try again');
  }
  if (status >= 400 && status < 500) {
    const code = CODE_OF[status] ?? 'invalid';
    return send(reply, CODE_OF[status] ? status : 400, code, error.message);
  }
  const unavailable = unavailableReason(error);
  if (unavailable !== undefined) {
    // Not a bug: the store is down or full. Devices keep the action and try again.
    request.log.warn({ reason: unavailable }, 'store unavailable');
    reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    return send(
      reply,
      503,
      'unavailable',
      "The library's data store is not answering just now; try again in a few seconds",
    );
  }
  request.log.error({ err: error }, 'unexpected error');
  return send(reply, 500, 'internal', 'Something went wrong on the server; try again');
}
