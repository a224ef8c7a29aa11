// A new request gets a rover's attention: a short soft beep (WebAudio), a buzz where the
// tablet can, and words for the screen reader. Sound needs a tap first (browsers' autoplay
// rule); sign-in is that tap.
import { topicLabel } from './request-format.js';
import type { PendingView } from '../../core/db/pending.js';
import type { HelpRequest } from '../../../shared/schemas.js';
import { msg, str } from '../../core/locale/msg.js';
import { buzz } from '../../ui/buzz.js';
import { playTones, runningAudio, unlockAudio, type Tone } from '../../ui/tones.js';

/** Call from a tap (e.g. Sign in) so later beeps are allowed. */
export function unlockSound(): void {
  unlockAudio();
}

/** Plays `tones` and buzzes `pattern`, where the tablet can. */
function signal(tones: readonly Tone[], pattern: number | number[]): void {
  try {
    const context = runningAudio();
    if (context) playTones(context, tones, 0.25);
  } catch {
    // A device that cannot beep still shows and announces the request.
  }
  // Only after a tap (sign-in is one): before it, the browser refuses and logs an error.
  buzz(pattern);
}

/** A new request: one short soft beep, one buzz. */
export function alertNewRequest(): void {
  signal([[880, 0, 0.25]], 150);
}

/**
 * A patron has waited too long (`event: alert`): unlike a new request's beep, three rising
 * tones and three buzzes, so a rover can tell them apart without looking.
 */
export function alertLongWait(): void {
  signal(
    [
      [660, 0, 0.18],
      [880, 0.22, 0.18],
      [1100, 0.44, 0.3],
    ],
    [200, 100, 200, 100, 400],
  );
}

/** What the tablet last showed of a request: enough to tell a hand-off it has not seen. */
const shownAs = (request: HelpRequest) => request.handoff?.at ?? '';

/**
 * Tells which waiting requests to announce. Nothing is announced until the stream's first
 * snapshot of this sign-in: the requests it lists, and whatever the tablet already showed
 * from its stored copy, were waiting before the rover looked, and announcing them all at once
 * would be a storm of beeps. After it, a request is announced once, when it first shows as
 * waiting, however it arrives (a live event, or a later snapshot after the stream broke: those
 * list what was already on screen again, and that is never announced twice).
 *
 * A walk-up a greeter sends for a specialist is announced like any new request, except on the
 * greeter's own tablet.
 *
 * A request a colleague hands on (`transfer`) goes back to the queue for a skill: it is
 * announced again to each rover who has that skill, since that is who the colleague is asking
 * to come; not to the rover who handed it on, and not for a release (the claimer only let it
 * go, and it was announced when it first arrived).
 */
export class ArrivalWatch {
  /** Request id → the hand-off it showed with ('' for none). */
  private readonly shown = new Map<string, string>();
  private settled = false;

  constructor(private readonly me: { id: string; skills?: readonly string[] }) {}

  /** A snapshot's requests, before they are stored: the first one settles what was there. */
  snapshot(requests: readonly HelpRequest[]): void {
    if (this.settled) return;
    for (const request of requests) this.shown.set(request.id, shownAs(request));
    this.settled = true;
  }

  /** The waiting requests of `queue` to announce now, oldest first (each once). */
  arrivals(queue: readonly PendingView[]): HelpRequest[] {
    const fresh: HelpRequest[] = [];
    for (const { request } of queue) {
      const before = this.shown.get(request.id);
      const now = shownAs(request);
      this.shown.set(request.id, now);
      if (!this.settled || request.status !== 'waiting') continue;
      // One I sent for someone else myself: I know, and my tablet beeping would only confuse.
      if (request.createdBy?.id === this.me.id && before === undefined) continue;
      if (before === undefined || (before !== now && this.askedOfMe(request))) fresh.push(request);
    }
    return fresh;
  }

  private askedOfMe(request: HelpRequest): boolean {
    return (
      request.handoff?.from?.id !== this.me.id && (this.me.skills ?? []).includes(request.skill)
    );
  }
}

/**
 * "New request A1: Computers, phones and printing." for each arrival ("Request A1 handed on:
 * ..." for one a colleague handed on); "New request A1." when the tablet does not hold that
 * topic's label (yet), never its id.
 */
export function arrivalWords(
  arrivals: readonly HelpRequest[],
  topics: readonly { id: string; label: string }[],
): string {
  return arrivals
    .map((request) => {
      const label = topicLabel(request.topicId, topics);
      const { ticket, zone } = request;
      const what = request.handoff
        ? msg(str`Request ${ticket} handed on`)
        : request.origin === 'walk-up' && request.createdBy
          ? msg(str`${request.createdBy.displayName} sent for help, ${ticket}`)
          : msg(str`New request ${ticket}`);
      if (label && zone) return msg(str`${what}: ${label}, at ${zone}.`);
      if (label) return msg(str`${what}: ${label}.`);
      return zone ? msg(str`${what}, at ${zone}.`) : `${what}.`;
    })
    .join(' ');
}
