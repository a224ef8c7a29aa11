// Words for the floor on a rover's tablet: who fits a request best, what a colleague is doing,
// and how a long wait is said. Built on the shared bestFit (src/shared/best-fit.ts).
import { bestFit } from '../../../shared/best-fit.js';
import { primaryLanguage } from '../../../shared/languages.js';
import type { HelpRequest, Presence, Skill } from '../../../shared/schemas.js';
import { shortAmount } from '../../core/words/time.js';
import { waitedFor } from './request-format.js';
import { msg, str } from '../../core/locale/msg.js';

/** A language's own English name ("Spanish"), or the tag when the browser does not know it. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * "Best: Kim, Local history, speaks Spanish, 2nd floor" for a waiting request: who fits it
 * best and why; undefined when nobody on the floor can take it now.
 */
export function bestFitLine(
  request: HelpRequest,
  floor: readonly Presence[],
  skills: readonly Skill[],
): string | undefined {
  const fit = bestFit(request, floor);
  if (!fit) return undefined;
  const reasons: string[] = [];
  if (fit.skill) reasons.push(skills.find((s) => s.id === request.skill)?.label ?? request.skill);
  if (fit.language && request.language) reasons.push(`speaks ${languageName(request.language)}`);
  if (fit.zone && request.zone) reasons.push(request.zone);
  return [`Best: ${fit.presence.displayName}`, ...reasons].join(', ');
}

/**
 * Whether a request's language is worth saying on the tablet: the patron asked in a language
 * other than the one most patrons here speak (any language, while the branch's is not known).
 */
export function otherLanguage(request: HelpRequest, defaultLanguage: string | undefined): boolean {
  if (!request.language) return false;
  return !defaultLanguage || primaryLanguage(request.language) !== primaryLanguage(defaultLanguage);
}

/**
 * "Speaks Spanish: Ana, you" for a request in another language: who on the floor (signed in
 * and not away) can help the patron in it; undefined when nobody there does.
 */
export function speakersLine(
  request: HelpRequest,
  floor: readonly Presence[],
  meId?: string,
): string | undefined {
  if (!request.language) return undefined;
  const wanted = primaryLanguage(request.language);
  const speakers = floor.filter(
    (p) =>
      p.signedIn && p.state !== 'away' && p.languages.some((l) => primaryLanguage(l) === wanted),
  );
  if (!speakers.length) return undefined;
  const names = speakers.map((p) => (p.staffId === meId ? msg('you') : p.displayName));
  // Spoken language, not script or region: "Chinese" for zh-Hans, "Portuguese" for pt-BR.
  return msg(str`Speaks ${languageName(wanted)}: ${names.join(', ')}`);
}

/** "On a break", "Available, Kids' area, with a patron", "Not heard from for 2 minutes". */
export function presenceWords(presence: Presence): string {
  const state =
    presence.state === 'available'
      ? msg('Available')
      : presence.state === 'break'
        ? msg('On a break')
        : msg('Off the floor');
  const parts = [state];
  if (presence.zone) parts.push(presence.zone);
  if (presence.busy) parts.push(msg('with a patron'));
  if (presence.silent) parts.push(msg('tablet not heard from'));
  return parts.join(', ');
}

/** "Waiting 4 min" (or "Long wait" under a minute): what a long-waiting request is marked with. */
export function longWaitMark(request: HelpRequest, now: number): string {
  const waited = waitedFor(request.createdAt, now);
  return waited === 'just now' ? msg('Long wait') : msg(str`Waiting ${waited}`);
}

/** A long wait said aloud: "Long wait: A5, Computers, waiting 4 min." */
export function longWaitAnnouncement(
  ticket: string,
  topic: string | undefined,
  waitingSeconds: number,
): string {
  const minutes = Math.max(1, Math.floor(waitingSeconds / 60));
  const what = topic ? `${ticket}, ${topic}` : ticket;
  return msg(str`Long wait: ${what}, waiting ${shortAmount(minutes, 'minute')}.`);
}
