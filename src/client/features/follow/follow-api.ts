// The follow link's calls (docs/API.md, "Following on a phone"): the token in the page's path is
// the only credential, so these never send a cookie-bound session and never see a name, a note
// or a request id. Light on purpose: the follow page loads this and nothing of the staff app.
import { apiFetch } from '../../core/http.js';
import { newId } from '../../core/db/ids.js';

/** A request as its follow link sees it. */
export interface FollowView {
  ticket: string;
  status: 'waiting' | 'claimed' | 'serving' | 'done' | 'cancelled';
  topicLabel: string;
  claimedBy: { displayName: string } | null;
  pagedAt: string | null;
  patronHereAt: string | null;
  place: { position: number; estimateMinutes: number } | null;
  version: number;
  /** True once the patron has answered the feedback questions. */
  feedback: boolean;
}

/** A branch notice ("The printers are down until 2 pm"), shown until `until`. */
export interface FollowNotice {
  id: string;
  branchId: string;
  text: string;
  until: string;
  by: string;
}

/** The follow stream's messages. */
export type FollowStreamEvent =
  | { name: 'request'; data: { request: FollowView } }
  | { name: 'notice'; data: { notice: FollowNotice; withdrawn?: true } };

export interface Feedback {
  satisfaction: number;
  importance?: number;
}

/** The token of `/follow/<token>`, or undefined on any other path. */
export function tokenFromPath(pathname: string): string | undefined {
  const match = /^\/follow\/([A-Za-z0-9_-]+)\/?$/.exec(pathname);
  return match?.[1];
}

const base = (token: string) => `/api/follow/${encodeURIComponent(token)}`;

export const followStreamPath = (token: string) => `${base(token)}/events`;

export function fetchFollow(
  token: string,
): Promise<{ request: FollowView; notices: FollowNotice[] }> {
  return apiFetch(base(token));
}

/**
 * "I'm here" to a page, or cancel: with an opId, so a retry is answered as the first. No
 * `version`: the patron means the request as it is now, whatever changed since the last event.
 */
export async function postFollowAction(
  token: string,
  action: 'here' | 'cancel',
  opId = newId(),
): Promise<FollowView> {
  const answer = await apiFetch<{ request: FollowView }>(`${base(token)}/${action}`, {
    body: { opId },
  });
  return answer.request;
}

export async function postFollowFeedback(token: string, feedback: Feedback): Promise<void> {
  await apiFetch(`${base(token)}/feedback`, { body: feedback });
}
