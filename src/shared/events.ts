// The event stream's messages (PROTOCOL.md "Event stream" and docs/API.md).
import type { Branch, HelpRequest, Topic } from './schemas.js';

/** `event: snapshot`: the open requests as of `seq`; first on a fresh stream. */
export interface SnapshotEvent {
  seq: number;
  requests: HelpRequest[];
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

export type StreamEventName = 'snapshot' | 'request' | 'topic' | 'line' | 'script' | 'branch';
