// Long-wait alerts (docs/API.md, "Long waits"): a request waiting longer than its branch's
// `escalateAfterSeconds` is raised once per interval, by whichever process checks first.
import { ESCALATE_DEFAULT_SECONDS } from '../../shared/schemas.js';
import type { StoreCore } from './core.js';
import { kioskOf, toRequest } from './rows.js';
import { requestEvent } from './events.js';
import { wordsOf } from './words.js';

/** Seconds request `r` has waited, as of the database's clock plus $1 milliseconds. */
const WAITED = `floor(extract(epoch FROM (now() + $1 * interval '1 millisecond' - r.waiting_since)))`;
/** Request `r` of branch `b` is owed a long-wait alert it has not had. */
const ALERT_DUE = `r.status = 'waiting' AND b.escalate_after_seconds > 0
  AND r.waiting_since IS NOT NULL AND floor(${WAITED} / b.escalate_after_seconds) > r.escalations`;

/** The longest this process trusts its own "nothing is due before" (see `escalate`). */
const QUIET_AT_MOST_MS = 60_000;

export class EscalationStore {
  /**
   * `Date.now()` before which no alert can be due, as last worked out (0: unknown). Any
   * request that starts waiting later waits at least its branch's interval, and a change to a
   * branch's interval (a `branch` event) forgets it.
   */
  private quietUntil = 0;

  constructor(private readonly store: StoreCore) {
    store.onCommitted((events) => {
      if (events.some((event) => event.kind === 'branch')) this.quietUntil = 0;
    });
  }

  /**
   * Raises the long-wait alerts that are due as of the database's clock plus `aheadMs` (tests
   * move time; 0 in use): a request `waiting` for another whole `escalateAfterSeconds` of its
   * branch gets `escalatedAt`, a `request` event and an `alert` event. The UPDATE's condition
   * is "an alert is due" and it sets the count to the alerts due so far, so when several
   * processes check at once, the row lock makes the others find nothing due: each alert is
   * sent once. A server that was down sends one alert for a wait, not one per missed interval.
   */
  async escalate(aheadMs = 0): Promise<number> {
    // The clock asks every second; reading every waiting request each time held up PGlite
    // (and with it every call and stream) for milliseconds. One read says when the next alert
    // falls due, and until then nothing is read. A request that starts waiting meanwhile is
    // due no sooner than the shortest interval of any branch (or a new branch's default)
    // from now, so that bounds the quiet too; another process's change to a branch is heard
    // by that process, which sends the alert, and here within QUIET_AT_MOST_MS.
    if (aheadMs === 0 && Date.now() < this.quietUntil) return 0;
    const asked = Date.now();
    const [next] = await this.store.query<{ due_in: unknown; shortest: unknown }>(
      `SELECT (SELECT min(extract(epoch FROM r.waiting_since)
                          + (r.escalations + 1) * b.escalate_after_seconds)
                 FROM requests r JOIN branches b ON b.id = r.branch_id
                WHERE r.status = 'waiting' AND b.escalate_after_seconds > 0
                  AND r.waiting_since IS NOT NULL)
              - extract(epoch FROM now() + $1 * interval '1 millisecond') AS due_in,
              (SELECT min(escalate_after_seconds) FROM branches
                WHERE escalate_after_seconds > 0) AS shortest`,
      [aheadMs],
    );
    const dueIn = next?.due_in == null ? Infinity : Number(next.due_in) * 1000;
    if (dueIn > 0) {
      if (aheadMs === 0) {
        const shortest = Math.min(Number(next?.shortest ?? Infinity), ESCALATE_DEFAULT_SECONDS);
        this.quietUntil = asked + Math.min(dueIn, shortest * 1000, QUIET_AT_MOST_MS);
      }
      return 0;
    }
    this.quietUntil = 0;
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
