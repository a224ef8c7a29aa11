// The branch's topics as this device stored them. Its own module, apart from the rover's queue,
// so the kiosk reads its topics without loading the tablet's queue and walk-up code.
import { db } from './db.js';
import type { Topic } from '../../../shared/schemas.js';

/** The branch's topics in display order; hidden ones only with `hidden` (to name requests). */
export async function readTopics(branchId: string, { hidden = false } = {}): Promise<Topic[]> {
  const topics = await db.topics.where('branchId').equals(branchId).sortBy('position');
  return hidden ? topics : topics.filter((t) => !t.hidden);
}
