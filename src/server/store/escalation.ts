// Long-wait alerts (docs/API.md, "Alerts"): a request waiting longer than its branch's
// `escalateAfterSeconds` is raised once per interval, by whichever process checks first.
import type { StoreCore } from './core.js';
import { kioskOf, toRequest } from './rows.js';
import { requestEvent } from './events.js';
import { wordsOf } from './words.js';

/** Seconds request `r` has waited, as of the database's clock plus $1 milliseconds. */
const WAITED = `floor(extract(epoch FROM (now() + $1 * interval '1 millisecond' - r.waiting_since)))`;
/** Request `r` of branch `b` is owed a long-wait alert it has not had. */
const ALERT_DUE = `r.status = 'waiting' AND b.escalate_after_seconds > 0
  AND r.waiting_since IS NOT NULL AND floor(${WAITED} / b.escalate_after_seconds) > r.escalations`;

export class EscalationStore {
  constructor(private readonly store: StoreCore) {}

  /**
   * Raises the long-wait alerts that are due as of the database's clock plus `aheadMs` (tests
   * move time; 0 in use): a request `waiting` for another whole `escalateAfterSeconds` of its
   * branch gets `escalatedAt`, a `request` event and an `alert` event. The UPDATE's condition
   * is "an alert is due" and it sets the count to the alerts due so far, so when several
   * processes check at once, the row lock makes the others find nothing due: each alert is
   * sent once. A server that was down sends one alert for a wait, not one per missed interval.
   */
  async escalate(aheadMs = 0): Promise<number> {
    // Most seconds nothing is due: one read says so, and no write transaction is opened (on
    // PGlite it would hold up every other write for its length).
    const [due] = await this.store.query(
      `SELECT EXISTS (SELECT 1 FROM requests r JOIN branches b ON b.id = r.branch_id
                       WHERE ${ALERT_DUE}) AS due`,
      [aheadMs],
    );
    if (!due?.due) return 0;
    return this.store.write(async (tx) => {
      const rows = await tx.query(
        `UPDATE requests r SET escalations = floor(${WAITED} / b.escalate_after_seconds),
           escalated_at = now() + $1 * interval '1 millisecond'
           FROM branches b
          WHERE b.id = r.branch_id AND ${ALERT_DUE}
        RETURNING r.*, ${WAITED} AS waited, ${wordsOf('r.id')} AS words`,
        [aheadMs],
      );
      for (const row of rows) {
        const request = toRequest(row);
        await tx.event(requestEvent(request, kioskOf(row)));
        const alert = {
          kind: 'long-wait',
          requestId: request.id,
          ticket: request.ticket,
          waitingSeconds: Number(row.waited),
          at: request.escalatedAt,
        };
        await tx.event({ kind: 'alert', branchId: request.branchId, payload: { alert } });
      }
      return rows.length;
    });
  }
}
