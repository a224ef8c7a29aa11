// The kiosk's `line` event: where each of its waiting requests stands in the branch's line and
// roughly how long until someone comes, from how long people waited lately.
import type { LineEvent } from '../../shared/events.js';
import type { BranchLine } from '../store/line.js';

export type { BranchLine } from '../store/line.js';

/** With no recent claims to learn from: about three minutes for each person's turn. */
export const DEFAULT_MINUTES_PER_PERSON = 3;

export function lineFor(line: BranchLine, kioskId: string): LineEvent {
  const perPerson = Math.max(1, line.recentWaitMinutes ?? DEFAULT_MINUTES_PER_PERSON);
  const positions: LineEvent['positions'] = {};
  line.waiting.forEach((request, index) => {
    if (request.kioskId !== kioskId) return;
    const position = index + 1;
    // Everyone ahead takes about a turn each, and so does the walk over to this patron.
    positions[request.id] = {
      position,
      estimateMinutes: Math.max(1, Math.round(perPerson * position)),
    };
  });
  return { positions, helpedToday: line.helpedToday };
}
