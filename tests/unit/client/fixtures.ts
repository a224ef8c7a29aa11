// Help requests as the server would send them, for the client data-layer tests.
import type { HelpRequest } from '../../../src/shared/schemas.js';

let n = 0;

/** A waiting request of branch `main`, with fields overridden by `fields`. */
export function helpRequest(fields: Partial<HelpRequest> = {}): HelpRequest {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    branchId: 'main',
    ticket: `A${n}`,
    topicId: 'tech',
    skill: 'tech',
    status: 'waiting',
    needs: [],
    version: 1,
    createdAt: new Date(Date.UTC(2025, 0, 1, 9, 0, n)).toISOString(),
    ...fields,
  };
}
