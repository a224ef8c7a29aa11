// The patron's word back on a request once it has been helped (docs/API.md, "Feedback").
import { conflict, notFound } from '../errors.js';
import type { StoreCore } from './core.js';

export class FeedbackStore {
  constructor(private readonly store: StoreCore) {}

  /**
   * The patron's word back on a `done` request: once only (the key holds it, however many
   * arrive at once). Refused with a conflict before the request is done, or the second time.
   */
  async give(id: string, satisfaction: number, importance: number | undefined): Promise<void> {
    const [made] = await this.store.query(
      `INSERT INTO feedback (request_id, satisfaction, importance)
       SELECT id, $2, $3 FROM requests WHERE id = $1 AND status = 'done'
       ON CONFLICT (request_id) DO NOTHING RETURNING request_id`,
      [id, satisfaction, importance ?? null],
    );
    if (made) return;
    const [stored] = await this.store.query('SELECT status FROM requests WHERE id = $1', [id]);
    if (!stored) throw notFound(`Request "${id}"`);
    if (stored.status !== 'done') throw conflict('Feedback is for a request that has been helped');
    throw conflict('Thank you: this request has its feedback already');
  }
}
