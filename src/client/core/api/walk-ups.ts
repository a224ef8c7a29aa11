// Walk-ups as HTTP calls: a walk-up is `POST /api/requests` (see requests.ts, with
// `origin: "walk-up"`); an answer given on the spot is `POST /api/interactions`. Views do not call
// these: the outbox sends them (db/walk-ups.ts queues them).
import { apiFetch } from '../http.js';
import type { HelpRequest, InteractionBody } from '../../../shared/schemas.js';

/** `POST /api/interactions`: the same `id` again answers what was stored. */
export async function postInteraction(body: InteractionBody): Promise<HelpRequest> {
  return (await apiFetch<{ request: HelpRequest }>('/api/interactions', { body })).request;
}
