// The kiosk's `line` event: where each of its waiting requests stands in the branch's line and
// roughly how long until someone comes, from how long people waited lately.
import type { LineEvent } from '../../shared/events.js';
import { placeIn, type BranchLine } from '../store/line.js';

export type { BranchLine } from '../store/line.js';

export function lineFor(line: BranchLine, kioskId: string): LineEvent {
  const positions: LineEvent['positions'] = {};
  line.waiting.forEach((request, index) => {
    if (request.kioskId === kioskId) positions[request.id] = placeIn(line, index);
  });
  return { positions, helpedToday: line.helpedToday };
}
