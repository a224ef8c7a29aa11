// The one place the client speaks HTTP: JSON in, JSON out, and the server's
// `{error: {code, message}}` turned into an ApiError a view can show in words.
import type { ErrorBody, ErrorCode, HelpRequest } from '../../shared/schemas.js';

export class ApiError extends Error {
  /** HTTP status; 0 when the server could not be reached at all. */
  readonly status: number;
  readonly code: ErrorCode | 'offline';
  /**
   * On a 409 about a request: the request as the server has it now. Its shape depends on who
   * asked (a staff HelpRequest, a follow link's FollowView: docs/API.md), so read it through
   * `refusedRequest` or the follow page's own check, never as is.
   */
  readonly request?: unknown;
  /** Seconds to wait, from `Retry-After` on a 429. */
  readonly retryAfter?: number;

  constructor(
    status: number,
    code: ApiError['code'],
    message: string,
    extra: Partial<ApiError> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.request = extra.request;
    this.retryAfter = extra.retryAfter;
  }

  /** True when the server never answered: the caller should keep the action and retry. */
  get isOffline(): boolean {
    return this.code === 'offline';
  }
}

interface ApiOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

export async function apiFetch<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const { method = options.body === undefined ? 'GET' : 'POST', body, signal } = options;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'offline', 'The server could not be reached');
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) return payload as T;
  if (response.status >= 502 && response.status <= 504 && !isErrorBody(payload)) {
    // A proxy answering for a server that is down: treat like no network.
    throw new ApiError(0, 'offline', 'The server could not be reached');
  }
  const error = isErrorBody(payload) ? payload : undefined;
  const retryAfter = Number(response.headers.get('retry-after')) || undefined;
  throw new ApiError(
    response.status,
    error?.error.code ?? 'internal',
    error?.error.message ?? `The server answered ${response.status}`,
    { request: (error as { request?: unknown } | undefined)?.request, retryAfter },
  );
}

/** The staff request a 409 carried, when it carried one (docs/API.md, "Conventions"). */
export function refusedRequest(error: ApiError): HelpRequest | undefined {
  const sent = error.request;
  if (typeof sent !== 'object' || sent === null) return undefined;
  const r = sent as Record<string, unknown>;
  return typeof r.id === 'string' &&
    typeof r.branchId === 'string' &&
    typeof r.ticket === 'string' &&
    typeof r.status === 'string' &&
    typeof r.version === 'number'
    ? (sent as HelpRequest)
    : undefined;
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    'error' in value &&
    typeof (value as ErrorBody).error?.message === 'string'
  );
}
