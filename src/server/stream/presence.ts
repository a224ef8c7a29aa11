// Telling the store whose staff streams this process holds (docs/API.md, "Presence"): a rover
// whose tablet has a stream open here is reachable, so not silent on the floor. The hub notes
// everyone on a timer, and one person as soon as their stream opens.
import type { Store } from '../store/store.js';
import type { Connection } from './connection.js';

export class PresenceNoter {
  constructor(
    private readonly store: Store,
    /** The streams open now. */
    private readonly open: () => Iterable<Connection>,
    /** False once the hub is closing: no complaint about a closed store. */
    private readonly live: () => boolean,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  /** Notes the people whose staff streams are open here (or only `staffId`) as heard now. */
  async note(staffId?: string): Promise<void> {
    const staffIds = staffId
      ? [staffId]
      : [...this.open()].flatMap((c) => (c.audience.kind === 'staff' ? [c.audience.staffId] : []));
    try {
      await this.store.presence.heard(staffIds);
    } catch (error) {
      if (this.live()) this.log('The stream hub could not note who it hears', error);
    }
  }
}
