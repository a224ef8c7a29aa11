// Help requests as the server would send them, for tests that set them straight on a component
// or into a store: each call a new id and ticket, a waiting request of branch `main`.
import type { HelpRequest } from '../../src/shared/schemas.js';

/**
 * A maker of requests, numbered from 1; `createdAt(n)` dates the n-th (each suite chooses
 * whether later requests are newer or older).
 */
export function helpRequestMaker(
  createdAt: (n: number) => string,
): (fields?: Partial<HelpRequest>) => HelpRequest {
  let n = 0;
  return (fields = {}) => {
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
      createdAt: createdAt(n),
      ...fields,
    };
  };
}
