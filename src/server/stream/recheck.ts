// Judging open streams again (docs/API.md, "Credentials and grants"): every signed-in stream's holder must still
// be allowed (session live and unexpired, person active and of that branch, device not revoked).
// The hub calls `recheck` whenever any process announces a change to sessions or devices, and
// `tick` on a timer, which judges only when a grant may have gone meanwhile: a stream opened,
// the first session runs out, or RECHECK_AT_LEAST_MS passed. One query judges all the streams
// open at that moment.
import type { Store } from '../store/store.js';
import type { Connection } from './connection.js';

/** Streams are judged at least this often, whatever was heard (a change made by hand). */
const RECHECK_AT_LEAST_MS = 60_000;

export class StreamRechecker {
  private running = false;
  private again = false;
  /** A grant may have gone since the last round (or there was none yet). */
  private stale = true;
  /** `Date.now()` when a round is owed anyway: the first judged session runs out. */
  private owedAt = 0;

  constructor(
    private readonly store: Store,
    /** The streams open now. */
    private readonly open: () => Iterable<Connection>,
    /** False once the hub is closing: no more rounds, and no complaint about a closed store. */
    private readonly live: () => boolean,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  /** A stream opened: its holder's session may run out before the round owed. */
  opened(): void {
    this.stale = true;
  }

  /**
   * The timer's call: a round only when one may close something. Judging every stream every
   * couple of seconds held PGlite (and every call with it) for milliseconds each time. While
   * this process cannot hear other processes' changes (its PostgreSQL listener is down), every
   * tick is a round, as it cannot know.
   */
  tick(): Promise<void> {
    const heard = this.store.db.hearsAuthChanges();
    if (heard && !this.stale && Date.now() < this.owedAt) return Promise.resolve();
    return this.recheck();
  }

  /**
   * Closes the signed-in streams whose grant has gone. Only the streams open when it asked are
   * judged, so one opened meanwhile is never closed for it.
   */
  async recheck(): Promise<void> {
    if (!this.live()) return;
    if (this.running) {
      // A change heard while judging: judge again once this round is done.
      this.again = true;
      return;
    }
    const judged = [...this.open()].filter(
      (c) =>
        c.audience.kind === 'staff' || c.audience.kind === 'admin' || c.audience.kind === 'kiosk',
    );
    this.stale = false;
    this.owedAt = Date.now() + RECHECK_AT_LEAST_MS;
    if (judged.length === 0) return;
    this.running = true;
    try {
      const sessions = new Set<string>();
      const kiosks = new Set<string>();
      for (const { audience } of judged) {
        if (audience.kind === 'staff' || audience.kind === 'admin')
          sessions.add(audience.sessionHash);
        else if (audience.kind === 'kiosk') kiosks.add(audience.deviceId);
      }
      const allowed = await this.store.accounts.stillAllowed([...sessions], [...kiosks]);
      if (allowed.runsOutAt !== undefined) this.owedAt = Math.min(this.owedAt, allowed.runsOutAt);
      for (const connection of judged) {
        const audience = connection.audience;
        const still =
          audience.kind === 'staff'
            ? allowed.staff.has(`${audience.sessionHash} ${audience.branchId}`)
            : audience.kind === 'admin'
              ? allowed.admins.has(audience.sessionHash)
              : audience.kind === 'kiosk' && allowed.kiosks.has(audience.deviceId);
        if (!still) connection.close();
      }
    } catch (error) {
      // The store did not answer: keep the streams; the next tick asks again.
      this.stale = true;
      if (this.live()) this.log('The stream hub could not recheck its streams', error);
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        void this.recheck();
      }
    }
  }
}
