// The rules of a branch's floor as a supervisor edits it (docs/API.md, "Zones" and "Long
// waits"), checked here before anything is sent, so the form can say what to fix in plain
// words instead of relaying a 400. The limits are the server's (ZONES_MAX, ZONE_MAX and
// ESCALATE_* in src/shared/schemas.ts), repeated here because the client imports only types
// from there: its values would bring TypeBox into the bundle.
import { amount } from '../../core/words/time.js';
import { msg, str } from '../../core/locale/msg.js';

/** At most this many zones per branch. */
export const ZONES_MAX = 30;
/** A zone's name: 1 to this many characters, on one line. */
export const ZONE_NAME_MAX = 40;
/** What a branch that never chose waits before staff are alerted. */
export const ESCALATE_DEFAULT_SECONDS = 180;
/** The longest wait a supervisor may set: a day, in minutes. */
export const ESCALATE_MAX_MINUTES = 1440;

/** The characters the server refuses in one-line text (LINE_TEXT in src/shared/schemas.ts). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F]/;

/** Characters as a person counts them (and as JSON Schema's maxLength does): code points. */
const length = (text: string) => [...text].length;

/** The same zone name, whatever the case ("Kids' area" and "kids' AREA"), as the server sees it. */
export const sameZone = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/**
 * What is wrong with one zone name (already trimmed) as a whole sentence, or '' when it is fine:
 * about the zone at `index` (from 0) of a list, or about the new zone when there is none.
 */
export function zoneNameProblem(name: string, index?: number): string {
  const position = index === undefined ? 0 : index + 1;
  const chars = length(name);
  if (!name)
    return index === undefined
      ? msg('The new zone has no name.')
      : msg(str`Zone ${position} has no name.`);
  if (chars > ZONE_NAME_MAX)
    return index === undefined
      ? msg(str`The new zone is ${chars} characters long; ${ZONE_NAME_MAX} at most, please.`)
      : msg(
          str`Zone ${position}, “${name}”, is ${chars} characters long; ${ZONE_NAME_MAX} at most, please.`,
        );
  if (CONTROL.test(name))
    return index === undefined
      ? msg('The new zone has a tab or line break in it; please use plain words.')
      : msg(
          str`Zone ${position}, “${name}”, has a tab or line break in it; please use plain words.`,
        );
  return '';
}

/** One problem of a zone list: which zone (by position, from 0) and what to fix. */
export interface ZoneProblem {
  index: number;
  message: string;
}

/**
 * Every problem of a zone list, in order, each a sentence naming the zone by its position
 * ("Zone 3 has no name.", "Zone 4, “Kids area”, is the same as zone 2."). Empty: all fine.
 */
export function zoneProblems(names: readonly string[]): ZoneProblem[] {
  const problems: ZoneProblem[] = [];
  names.forEach((name, index) => {
    const own = zoneNameProblem(name, index);
    if (own) {
      problems.push({ index, message: own });
      return;
    }
    const first = names.findIndex((other) => sameZone(other, name));
    const position = index + 1;
    const firstPosition = first + 1;
    if (first < index)
      problems.push({
        index,
        message: msg(str`Zone ${position}, “${name}”, is the same as zone ${firstPosition}.`),
      });
  });
  if (names.length > ZONES_MAX) {
    const listed = names.length;
    problems.push({
      index: ZONES_MAX,
      message: msg(str`A branch can have at most ${ZONES_MAX} zones; this list has ${listed}.`),
    });
  }
  return problems;
}

/** The minutes shown for a branch's `escalateAfterSeconds` (absent: the default). */
export function escalateMinutes(seconds: number | undefined): number {
  const stored = seconds ?? ESCALATE_DEFAULT_SECONDS;
  return Math.round((stored / 60) * 100) / 100;
}

/**
 * What the supervisor wrote in "Alert staff when a patron has waited … minutes" as seconds,
 * or a sentence saying what to fix. "0" and "never" turn the alert off.
 */
export function escalateSeconds(written: string): { seconds: number } | { problem: string } {
  const text = written.trim().toLowerCase();
  if (text === 'never' || text === msg('never').toLowerCase()) return { seconds: 0 };
  if (text === '')
    return { problem: msg('Please write how many minutes, for example 3, or 0 for never.') };
  const minutes = /^\d+([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : NaN;
  if (Number.isNaN(minutes))
    return { problem: msg('Please write how many minutes, for example 3, or 0 for never.') };
  if (minutes > ESCALATE_MAX_MINUTES)
    return {
      problem: msg(
        str`Please choose ${ESCALATE_MAX_MINUTES} minutes (a day) or less, or 0 for never.`,
      ),
    };
  const seconds = Math.round(minutes * 60);
  if (minutes > 0 && seconds === 0)
    return { problem: msg('Please choose at least a second, or 0 for never.') };
  return { seconds };
}

/** "3 minutes", "1 minute 30 seconds": a long-wait time as the screen says it (0: "never"). */
export function sayEscalation(seconds: number): string {
  if (seconds <= 0) return msg('never');
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const parts = [
    minutes ? amount(minutes, 'minute') : '',
    rest ? amount(rest, 'second') : '',
  ].filter(Boolean);
  return parts.join(' ');
}
