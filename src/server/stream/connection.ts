// One open event stream: who it is for, where it stands in the log, and the events that
// arrived while it was still sending its snapshot or replay.
import type { ServerResponse } from 'node:http';
import type { LoggedEvent } from '../store/events.js';

export type StaffAudience = {
  kind: 'staff';
  branchId: string;
  staffId: string;
  deviceId: string;
  sessionHash: string;
};
/** The admin watching a branch's floor: hears what the branch's staff hear. */
export type AdminAudience = { kind: 'admin'; branchId: string; sessionHash: string };
export type KioskAudience = { kind: 'kiosk'; branchId: string; deviceId: string };
/** Anyone at all (no credentials): published scripts only, which hold no patron data. */
export type ScriptsAudience = { kind: 'scripts' };
/** A patron's follow link: their one request (as FollowView) and the branch's notices. */
export type FollowAudience = { kind: 'follow'; requestId: string; branchId: string };
/** The streams that stand for a device or a person, and so can be ended with them. */
export type SignedInAudience = StaffAudience | AdminAudience | KioskAudience;
export type Audience = SignedInAudience | ScriptsAudience | FollowAudience;

/**
 * A reader this far behind for this long is not reading: drop it and let it reconnect and
 * resume. A burst (a page of catch-up, a busy second) can be far behind for a moment while the
 * socket takes it, so a backlog alone is not enough; past the hard bound it is.
 */
const BACKLOG_BYTES = 1024 * 1024;
const BACKLOG_MS = 5000;
const HARD_BACKLOG_BYTES = 16 * 1024 * 1024;

export class Connection {
  /** Seq of the newest event this stream has sent, or is current as of (snapshot). */
  lastSent = 0;
  /** True until the snapshot or replay is out; live events wait in `pending`. */
  catchingUp = true;
  pending: LoggedEvent[] = [];
  /** The last `line` data sent (kiosk), or follow view (follow), to send only changes. */
  lastLine?: string;
  closed = false;

  constructor(
    readonly audience: Audience,
    private readonly response: ServerResponse,
  ) {}

  /**
   * Does this stream hear `event`? Staff (and an admin watching a branch): the branch's and
   * all-branch events. Kiosk: its own.
   * The public scripts stream: script events and nothing else.
   */
  hears(event: LoggedEvent): boolean {
    const audience = this.audience;
    if (audience.kind === 'scripts') return event.kind === 'script';
    // A follow link's request comes as its own view (the hub sends it); notices as they are.
    if (audience.kind === 'follow')
      return event.kind === 'notice' && event.branchId === audience.branchId;
    if (audience.kind === 'staff' || audience.kind === 'admin')
      return event.branchId === null || event.branchId === audience.branchId;
    if (event.branchId !== audience.branchId) return false;
    return event.kioskId === audience.deviceId || event.kiosks;
  }

  write(chunk: string): void {
    if (this.closed) return;
    this.response.write(chunk);
    const backlog = this.response.writableLength;
    if (backlog > HARD_BACKLOG_BYTES) this.drop();
    else if (backlog > BACKLOG_BYTES && !this.stalled) this.watchBacklog();
  }

  private stalled?: NodeJS.Timeout;

  /** Drops the stream unless its backlog drains within BACKLOG_MS. */
  private watchBacklog(): void {
    const drained = () => {
      clearTimeout(this.stalled);
      this.stalled = undefined;
    };
    this.response.once('drain', drained);
    this.stalled = setTimeout(() => {
      this.response.off('drain', drained);
      this.stalled = undefined;
      if (this.response.writableLength > BACKLOG_BYTES) this.drop();
    }, BACKLOG_MS);
    this.stalled.unref();
  }

  /**
   * Lets go of a reader that stopped reading. Ending the response would queue its end behind
   * the backlog it will never read, and keep both (and the socket) for as long as TCP waits:
   * the socket is destroyed instead, which frees the memory at once. The device reconnects and
   * resumes from its Last-Event-ID.
   */
  private drop(): void {
    this.closed = true;
    clearTimeout(this.stalled);
    this.response.destroy();
  }

  /**
   * Ends the stream: a sign-out, a grant taken away, a revoked device, the server stopping.
   * Behind bytes the reader has not taken, the end would wait as long as TCP does (forever, for
   * a far end that answers but never reads), holding the socket, that backlog and the stream's
   * slot: such a socket is destroyed, as drop() does. The device loses only events it would
   * have to resume from its Last-Event-ID anyway (docs/API.md, "Event streams").
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.stalled);
    this.response.end();
    if (this.response.writableLength > 0) this.response.destroy();
  }
}
