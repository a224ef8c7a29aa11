// The help-request commands as HTTP calls. Views do not call these: they queue actions in the
// outbox (db/outbox.ts), which sends them with these functions; only feedback is sent directly.
import { apiFetch } from '../http.js';
import type { CreateRequestBody, FeedbackBody, HelpRequest } from '../../../shared/schemas.js';
import type { RequestAction } from '../../../shared/request-machine.js';

/**
 * The answer to a new request: the request, and for a kiosk's own one a `followUrl` for the
 * patron's phone (`/follow/<token>`, docs/API.md "Following on a phone"); walk-ups have none.
 */
export interface CreatedRequest {
  request: HelpRequest;
  followUrl?: string;
}

/** `POST /api/requests`: the same `id` again answers the stored request (and a new followUrl). */
export async function postNewRequest(body: CreateRequestBody): Promise<CreatedRequest> {
  const { request, followUrl } = await apiFetch<CreatedRequest>('/api/requests', { body });
  return typeof followUrl === 'string' ? { request, followUrl } : { request };
}

/** `POST /api/requests/:id/:action` with the action's opId (a replay answers as the first). */
export async function postRequestAction(
  requestId: string,
  action: RequestAction,
  body: Record<string, unknown>,
): Promise<HelpRequest> {
  const path = `/api/requests/${encodeURIComponent(requestId)}/${action}`;
  return (await apiFetch<{ request: HelpRequest }>(path, { body })).request;
}

/** `GET /api/requests/:id`: one request as the server has it now. */
export async function fetchRequest(requestId: string): Promise<HelpRequest> {
  const path = `/api/requests/${encodeURIComponent(requestId)}`;
  return (await apiFetch<{ request: HelpRequest }>(path)).request;
}

/**
 * `POST /api/requests/:id/feedback` (the kiosk that made a `done` request): how well we did
 * and, if the patron said, how much it mattered to them today (1..5 each). Once per request.
 */
export async function postFeedback(requestId: string, body: FeedbackBody): Promise<void> {
  const path = `/api/requests/${encodeURIComponent(requestId)}/feedback`;
  await apiFetch<{ ok: true }>(path, { body });
}
