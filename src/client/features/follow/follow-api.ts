// The follow link's calls (docs/API.md, "Following on a phone"): the token in the page's path is
// the only credential (no session, no cookie), and what comes back never holds a name, a note
// or a request id. Light on purpose: the follow page loads this and nothing of the staff app.
import { ApiError, apiFetch } from '../../core/http.js';
import { newId } from '../../core/db/ids.js';
import type { FeedbackBody, FollowView, Notice } from '../../../shared/schemas.js';
import type { NoticeEvent } from '../../../shared/events.js';

/** A request as its follow link sees it, and a branch notice (docs/API.md). */
export type { FollowView };
export type FollowNotice = Notice;

/** The follow stream's messages. */
export type FollowStreamEvent =
  { name: 'request'; data: { request: FollowView } } | { name: 'notice'; data: NoticeEvent };

export type Feedback = FeedbackBody;

/** The token of `/follow/<token>`, or undefined on any other path. */
export function tokenFromPath(pathname: string): string | undefined {
  const match = /^\/follow\/([A-Za-z0-9_-]+)\/?$/.exec(pathname);
  return match?.[1];
}

const base = (token: string) => `/api/follow/${encodeURIComponent(token)}`;

export const followStreamPath = (token: string) => `${base(token)}/events`;

export function fetchFollow(
  token: string,
): Promise<{ request: FollowView; notices?: FollowNotice[] }> {
  return apiFetch(base(token));
}

/**
 * The request as the server has it, sent with a refusal (409) of here or cancel (docs/API.md,
 * "Following on a phone"), so the page can show it without asking again; undefined otherwise.
 */
export function refusedView(error: unknown): FollowView | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const sent: unknown = error.request;
  return isFollowView(sent) ? sent : undefined;
}

function isFollowView(value: unknown): value is FollowView {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.status === 'string' && typeof v.version === 'number' && 'ticket' in v;
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
