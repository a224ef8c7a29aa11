// Judging open streams again (docs/API.md, "Edges"): every signed-in stream's holder must still
// be allowed (session live and unexpired, person active and of that branch, device not revoked).
// The hub calls `recheck` on a timer and whenever any process announces a change to sessions or
// devices; one query judges all the streams open at that moment.
import type { Store } from '../store/store.js';
import type { Connection } from './connection.js';

export class StreamRechecker {
  private running = false;
  private again = false;

  constructor(
    private readonly store: Store,
    /** The streams open now. */
    private readonly open: () => Iterable<Connection>,
    /** False once the hub is closing: no more rounds, and no complaint about a closed store. */
    private readonly live: () => boolean,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

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
      // The store did not answer: keep the streams; the next recheck asks again.
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
