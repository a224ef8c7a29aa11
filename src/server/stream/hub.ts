// The stream hub: every open SSE stream of this process, fed from the event log. A committed
// event reaches the hub as a nudge (directly from this process's store, or over LISTEN from
// another process on PostgreSQL); the hub then reads the log after the last seq it delivered,
// so every process delivers every event once and in order. Streams: a branch's staff, a kiosk's
// own requests, and the public scripts stream anyone may hold.
import type { ServerResponse } from 'node:http';
import type { HelpRequest } from '../../shared/schemas.js';
import type { LoggedEvent } from '../store/events.js';
import { readLine } from '../store/line.js';
import { forKiosk, startOfToday } from '../store/rows.js';
import type { Store } from '../store/store.js';
import { Connection, type Audience, type SignedInAudience } from './connection.js';
import { PING, frame } from './frames.js';
import { lineFor } from './line.js';
import { PresenceNoter } from './presence.js';
import { StreamRechecker } from './recheck.js';

const PAGE = 500;

/**
 * How often the hub asks whether signed-in streams need judging (recheck.ts: only when a stream
 * opened, a session runs out, or a minute passed): sessions run out with no change announced.
 */
export const STREAM_RECHECK_MS = 2000;

/** How often a process tells the store whose staff streams it holds (docs/API.md, "Presence"). */
export const HEARD_EVERY_MS = 30_000;

interface HubOptions {
  heartbeatMs: number;
  /**
   * How often the hub asks the store whether each signed-in stream's holder is still allowed
   * (session live and unexpired, person active and of that branch, device not revoked) and
   * closes those that are not: the changes other processes made, and sessions that ran out.
   * Off when absent.
   */
  recheckMs?: number;
  /** How often to note in the store whose staff streams are open here. Off when absent. */
  heardMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export class StreamHub {
  private readonly connections = new Set<Connection>();
  private delivered = 0;
  private pumping = false;
  private nudged = false;
  private heartbeat?: NodeJS.Timeout;
  private recheckTimer?: NodeJS.Timeout;
  private hearer?: NodeJS.Timeout;
  private stopListening?: () => void;
  private closed = false;
  private readonly rechecker: StreamRechecker;
  private readonly presence: PresenceNoter;

  constructor(
    private readonly store: Store,
    private readonly options: HubOptions,
  ) {
    const open = () => this.connections;
    const live = () => !this.closed;
    const log = (message: string, error?: unknown) => this.options.log?.(message, error);
    this.rechecker = new StreamRechecker(store, open, live, log);
    this.presence = new PresenceNoter(store, open, live, log);
  }

  setLogger(log: HubOptions['log']): void {
    this.options.log = log;
  }

  get size(): number {
    return this.connections.size;
  }

  async start(): Promise<void> {
    this.delivered = await this.store.log.lastSeq();
    this.stopListening = this.store.onCommitted((events) => this.committed(events));
    // Our own commits come back over LISTEN too: those already sent need no read of the log.
    await this.store.db.listen((seq) => {
      if (seq > this.delivered) this.nudge();
    });
    this.heartbeat = setInterval(() => {
      for (const connection of this.connections) connection.write(PING);
    }, this.options.heartbeatMs);
    this.heartbeat.unref();
    if (this.options.recheckMs) {
      this.recheckTimer = setInterval(() => void this.rechecker.tick(), this.options.recheckMs);
      this.recheckTimer.unref();
      // Another process revoked, signed out or changed someone: judge the streams at once.
      this.store.db.onAuthChange(() => void this.recheck());
    }
    if (this.options.heardMs) {
      this.hearer = setInterval(() => void this.presence.note(), this.options.heardMs);
      this.hearer.unref();
    }
  }

  /** Closes the signed-in streams whose grant has gone (recheck.ts). */
  recheck(): Promise<void> {
    return this.rechecker.recheck();
  }

  /** Something was committed: read the log from where we are. Cheap to call too often. */
  nudge(): void {
    if (this.closed) return;
    if (this.pumping) {
      this.nudged = true;
      return;
    }
    this.pumping = true;
    void this.pump().finally(() => {
      this.pumping = false;
    });
  }

  /**
   * Events this process just committed. When they follow on from the last delivered seq (always
   * on PGlite; on PostgreSQL unless another process or a slower callback got in between) they
   * go out straight from memory, without reading them back from the log; otherwise the log
   * is read as for any nudge, so order and completeness never depend on this shortcut.
   */
  committed(events: readonly LoggedEvent[]): void {
    if (this.closed) return;
    const follows = events.every((event, i) => event.seq === this.delivered + 1 + i);
    if (this.pumping || !follows) {
      this.nudge();
      return;
    }
    this.pumping = true;
    void this.pump([...events]).finally(() => {
      this.pumping = false;
    });
  }

  private async pump(first?: LoggedEvent[]): Promise<void> {
    try {
      if (first?.length) {
        await this.dispatch(first);
        this.delivered = first[first.length - 1]!.seq;
        if (!this.nudged) return;
      }
      do {
        this.nudged = false;
        for (;;) {
          const events = await this.store.log.after(this.delivered, PAGE);
          if (events.length === 0 || this.closed) break;
          await this.dispatch(events);
          this.delivered = events[events.length - 1]!.seq;
          if (events.length < PAGE) break;
        }
      } while (this.nudged && !this.closed);
    } catch (error) {
      if (!this.closed) this.options.log?.('The stream hub could not read the event log', error);
    }
  }

  private async dispatch(events: LoggedEvent[]): Promise<void> {
    const lines = new Set<string>();
    for (const event of events) {
      let fullFrame: string | undefined;
      let kioskFrame: string | undefined;
      for (const connection of this.connections) {
        if (!connection.hears(event)) continue;
        if (connection.catchingUp) {
          connection.pending.push(event);
          continue;
        }
        if (event.seq <= connection.lastSent) continue;
        if (connection.audience.kind === 'kiosk') kioskFrame ??= kioskFrameOf(event);
        else fullFrame ??= frame(event.kind, event.payload, event.seq);
        connection.write(connection.audience.kind === 'kiosk' ? kioskFrame! : fullFrame!);
        connection.lastSent = event.seq;
      }
      if (event.kind === 'request' && event.branchId) lines.add(event.branchId);
    }
    for (const branchId of lines) await this.sendPlaces(branchId);
  }

  /**
   * Opens a stream: snapshot (no `lastEventId`, or one the log no longer holds), else replay of
   * everything after it; then live events. The stream subscribes before reading, holds live
   * events meanwhile, and sends only those newer than what it read: no gap, no repeat.
   * The public scripts stream always starts with its snapshot (every published script): it is
   * small, and an anonymous caller never makes the server read through the whole log.
   */
  async open(
    audience: Audience,
    response: ServerResponse,
    lastEventId?: number,
  ): Promise<Connection> {
    const connection = new Connection(audience, response);
    this.connections.add(connection);
    this.rechecker.opened();
    response.on('close', () => {
      connection.closed = true;
      this.connections.delete(connection);
    });
    if (this.closed) {
      connection.close();
      return connection;
    }
    if (audience.kind === 'follow') {
      // Always from now: the request as it stands, then every change of it.
      connection.lastSent = await this.store.log.lastSeq();
      await this.sendPlaces(audience.branchId, connection);
    }
    const resumable =
      audience.kind !== 'scripts' && audience.kind !== 'follow' && lastEventId !== undefined;
    if (resumable && (await this.store.log.canResumeAfter(lastEventId))) {
      connection.lastSent = lastEventId;
      for (;;) {
        const events = await this.store.log.after(connection.lastSent, PAGE);
        for (const event of events) {
          if (connection.hears(event)) connection.write(kioskOrStaffFrame(connection, event));
          connection.lastSent = event.seq;
        }
        if (events.length < PAGE) break;
      }
    } else if (audience.kind !== 'follow') {
      const snapshot = await this.snapshotFor(audience);
      connection.write(frame('snapshot', snapshot, snapshot.seq));
      connection.lastSent = Math.max(connection.lastSent, snapshot.seq);
    }
    for (const event of connection.pending) {
      if (event.seq <= connection.lastSent) continue;
      connection.write(kioskOrStaffFrame(connection, event));
      connection.lastSent = event.seq;
    }
    connection.pending = [];
    connection.catchingUp = false;
    if (audience.kind === 'kiosk') await this.sendPlaces(audience.branchId, connection);
    // A rover's tablet is back in touch: no longer silent on the floor.
    if (audience.kind === 'staff') await this.presence.note(audience.staffId);
    return connection;
  }

  /** What a fresh stream starts from: the open requests it may see, or the published scripts. */
  private async snapshotFor(
    audience: Exclude<Audience, { kind: 'follow' }>,
  ): Promise<{ seq: number; [more: string]: unknown }> {
    if (audience.kind === 'scripts') return this.store.scripts.publishedSnapshot();
    // Presence and notices are read after the seq: an event in between comes again live, and
    // each carries a whole state, so reading it twice changes nothing.
    const notices = this.store.notices.current(audience.branchId);
    if (audience.kind === 'kiosk') {
      const open = await this.store.requests.open(audience.branchId, audience.deviceId);
      return { ...open, notices: await notices };
    }
    const open = await this.store.requests.open(audience.branchId);
    return {
      ...open,
      presence: await this.store.presence.list(audience.branchId),
      notices: await notices,
    };
  }

  /**
   * A request event changed `branchId`'s line: sends its kiosk streams their `line` (positions)
   * and its follow streams their request as the patron sees it, each only when it changed (or
   * to `only`, a stream just opened). The line is read once for all of them, and each followed
   * request once for all the links that follow it.
   */
  private async sendPlaces(branchId: string, only?: Connection): Promise<void> {
    const streams = only
      ? [only]
      : [...this.connections].filter((c) =>
          c.audience.kind === 'follow'
            ? c.audience.branchId === branchId
            : c.audience.kind === 'kiosk' && c.audience.branchId === branchId && !c.catchingUp,
        );
    if (streams.length === 0) return;
    const line = await readLine(this.store.db, branchId, startOfToday());
    const views = new Map<string, Promise<string>>();
    for (const connection of streams) {
      const audience = connection.audience;
      let data: string;
      if (audience.kind === 'kiosk') {
        data = JSON.stringify(lineFor(line, audience.deviceId));
      } else if (audience.kind === 'follow') {
        let view = views.get(audience.requestId);
        if (!view) {
          view = this.store.follow
            .view(audience.requestId, undefined, line)
            .then((request) => JSON.stringify({ request }));
          views.set(audience.requestId, view);
        }
        data = await view;
      } else continue;
      if (connection.closed || data === connection.lastLine) continue;
      connection.lastLine = data;
      connection.write(
        `event: ${audience.kind === 'kiosk' ? 'line' : 'request'}\ndata: ${data}\n\n`,
      );
    }
  }

  /**
   * Ends the streams `match` picks: a revoked device's, a deactivated person's, a signed-out
   * session's. Public scripts streams stand for nobody, so no sign-out ends them.
   */
  closeWhere(match: (audience: SignedInAudience) => boolean): void {
    for (const connection of this.connections) {
      const audience = connection.audience;
      if (audience.kind !== 'scripts' && audience.kind !== 'follow' && match(audience))
        connection.close();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.recheckTimer) clearInterval(this.recheckTimer);
    if (this.hearer) clearInterval(this.hearer);
    this.stopListening?.();
    for (const connection of this.connections) connection.close();
    this.connections.clear();
  }
}

function kioskFrameOf(event: LoggedEvent): string {
  if (event.kind !== 'request') return frame(event.kind, event.payload, event.seq);
  const request = event.payload.request as HelpRequest;
  return frame('request', { request: forKiosk(request) }, event.seq);
}

function kioskOrStaffFrame(connection: Connection, event: LoggedEvent): string {
  return connection.audience.kind === 'kiosk'
    ? kioskFrameOf(event)
    : frame(event.kind, event.payload, event.seq);
}
