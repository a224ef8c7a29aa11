// Presence as an HTTP call (docs/API.md, "Presence"): what a rover says about themself. The
// answer is also an `event: presence` on the branch's stream, which updates the replica.
import { apiFetch } from '../http.js';
import type { Presence, PresenceBody } from '../../../shared/schemas.js';

/** `PUT /api/presence`: available, on a break or away, and (when given) where. */
export async function putPresence(body: PresenceBody): Promise<Presence> {
  return (await apiFetch<{ presence: Presence }>('/api/presence', { method: 'PUT', body }))
    .presence;
}
