// The event stream's messages (docs/API.md, "Event streams").
import type { Branch, HelpRequest, Notice, Presence, Topic } from './schemas.js';
import type { ScriptEvent, ScriptsSnapshotEvent } from './scripts.js';

/** `event: snapshot`: the open requests as of `seq`; first on a fresh stream. */
export interface SnapshotEvent {
  seq: number;
  requests: HelpRequest[];
  /** Staff streams only: who is on the floor (docs/API.md, "Presence"). */
  presence?: Presence[];
  /** The branch's current notices to waiting patrons (docs/API.md, "Notices"). */
  notices?: Notice[];
}

/** `event: notice`, `id: <seq>` (staff, kiosk and follow streams): posted, or withdrawn. */
export interface NoticeEvent {
  notice: Notice;
  withdrawn?: true;
}

/** `event: presence`, `id: <seq>` (staff streams): one person's presence, as it now stands. */
export interface PresenceEvent {
  presence: Presence;
}

/** `event: alert`, `id: <seq>` (staff streams): a request has waited too long. */
export interface AlertEvent {
  alert: LongWaitAlert;
}

export interface LongWaitAlert {
  kind: 'long-wait';
  requestId: string;
  ticket: string;
  waitingSeconds: number;
  at: string;
}

/** `event: request`, `id: <seq>`: one change to one request. */
export interface RequestEvent {
  request: HelpRequest;
}

/** `event: topic`, `id: <seq>`: a topic of the branch was added or changed. */
export interface TopicEvent {
  topic: Topic;
}

/** `event: branch`, `id: <seq>`: the branch's name or service desk place changed. */
export interface BranchEvent {
  branch: Branch;
}

/**
 * `event: line` (kiosk stream only, no id, not replayed): where this kiosk's waiting
 * requests stand in the branch's line, sent on connect and whenever the line changes.
 */
export interface LineEvent {
  positions: Record<string, { position: number; estimateMinutes: number }>;
  helpedToday: number;
}

export type StreamEventName =
  'snapshot' | 'request' | 'topic' | 'line' | 'script' | 'branch' | 'presence' | 'alert' | 'notice';

/** One message of a kiosk's or a branch's staff stream, by its `event:` name. */
export type StreamEvent =
  | { name: 'snapshot'; data: SnapshotEvent }
  | { name: 'request'; data: RequestEvent }
  | { name: 'topic'; data: TopicEvent }
  | { name: 'branch'; data: BranchEvent }
  | { name: 'line'; data: LineEvent }
  | { name: 'presence'; data: PresenceEvent }
  | { name: 'alert'; data: AlertEvent }
  | { name: 'notice'; data: NoticeEvent }
  | { name: 'script'; data: ScriptEvent };

/** One message of the public scripts stream. */
export type ScriptsStreamEvent =
  { name: 'snapshot'; data: ScriptsSnapshotEvent } | { name: 'script'; data: ScriptEvent };
