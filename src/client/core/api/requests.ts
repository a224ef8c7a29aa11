// The help-request commands as HTTP calls. Views do not call these: they queue actions in the
// outbox (db/outbox.ts), which sends them with these functions.
import { apiFetch } from '../http.js';
import type { CreateRequestBody, HelpRequest } from '../../../shared/schemas.js';
import type { RequestAction } from '../../../shared/request-machine.js';

/** `POST /api/requests` (kiosk): the same `id` again answers the stored request. */
export async function postNewRequest(body: CreateRequestBody): Promise<HelpRequest> {
  return (await apiFetch<{ request: HelpRequest }>('/api/requests', { body })).request;
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
