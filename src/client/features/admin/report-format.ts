// Words and dates for the service report: which days a range choice means in the report's
// time zone (the branch's, else the browser's), and durations, hours and labels as a branch
// supervisor would say them. Every word goes through msg() (README, "Languages"), read when
// said, so a language chosen later shows.
import { plural } from '../../core/words/index.js';
import { duration } from '../../core/words/time.js';
import { msg, str } from '../../core/locale/msg.js';
import type { Branch } from '../../../shared/schemas.js';

export type RangeChoice = 'today' | 'week' | 'month' | 'custom';

/** The range choices, with their labels in the current language. */
export function rangeChoices(): { id: RangeChoice; label: string }[] {
  return [
    { id: 'today', label: msg('Today') },
    { id: 'week', label: msg('Last 7 days') },
    { id: 'month', label: msg('Last 30 days') },
    { id: 'custom', label: msg('Choose dates') },
  ];
}

/** The longest range the server reports on, in days. */
const MAX_DAYS = 366;

/** The browser's IANA time zone, or UTC when it will not say. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * The zone a branch's figures are counted in: its own, once a supervisor has set it (the CSV
 * and the report then agree wherever they are opened), else this device's.
 */
export function reportZone(branch: Pick<Branch, 'timeZone'> | undefined): string {
  return branch?.timeZone ?? browserTimeZone();
}

/** YYYY-MM-DD of `date` on the calendar of `zone` (the browser's own by default), `shift` days later. */
export function localDay(date: Date, shift = 0, zone = browserTimeZone()): string {
  const parts = new Intl.DateTimeFormat('en', {
    timeZone: zone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(date);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const day = new Date(Date.UTC(part('year'), part('month') - 1, part('day') + shift));
  return day.toISOString().slice(0, 10);
}

/** The first and last day (both included) a preset choice means on `today` in `zone`. */
export function presetRange(
  choice: Exclude<RangeChoice, 'custom'>,
  today = new Date(),
  zone = browserTimeZone(),
) {
  const back = { today: 0, week: 6, month: 29 }[choice];
  return { from: localDay(today, -back, zone), to: localDay(today, 0, zone) };
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** Why a custom range cannot be shown, in plain words, or '' when it can. */
export function rangeProblem(from: string, to: string): string {
  const days = from && to ? dayNumber(to) - dayNumber(from) + 1 : NaN;
  if (!Number.isFinite(days)) return msg('Please choose both a first and a last day.');
  if (days < 1) return msg('The last day comes before the first day. Please swap them.');
  if (days > MAX_DAYS)
    return msg(str`A report covers at most ${MAX_DAYS} days. Please choose fewer.`);
  return '';
}

/** "1 December 2026", or "24 November to 30 November 2026". */
export function sayDays(from: string, to: string): string {
  const format = (day: string, year: boolean) =>
    new Date(`${day}T12:00:00Z`).toLocaleDateString([], {
      day: 'numeric',
      month: 'long',
      ...(year ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    });
  if (from === to) return format(from, true);
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  const first = format(from, !sameYear);
  const last = format(to, true);
  return msg(str`${first} to ${last}`);
}

/** "less than a second", "40 seconds", "3 minutes", "1 hour 5 minutes". */
export function sayDuration(seconds: number | null): string {
  return seconds === null ? msg('not measured') : duration(seconds);
}

/** "9 AM to 10 AM" in the browser's clock style. */
export function sayHour(hour: number): string {
  const at = (h: number) =>
    new Date(Date.UTC(2000, 0, 1, h % 24)).toLocaleTimeString([], {
      hour: 'numeric',
      timeZone: 'UTC',
    });
  const start = at(hour);
  const end = at(hour + 1);
  return msg(str`${start} to ${end}`);
}

/** Each of the report's origins (`byOrigin`), as a supervisor reads it. */
export function originWords(): Record<'kiosk' | 'walkUp' | 'handOff', string> {
  return {
    kiosk: msg('Asked at a kiosk'),
    walkUp: msg('Walked up to staff, who helped them there'),
    handOff: msg('Walked up to staff, who sent for a colleague'),
  };
}

/**
 * "All of them asked at a kiosk." or "7 asked at a kiosk and 5 walked up to a member of staff:
 * 3 were helped there and then, 2 were handed to a colleague who knew more."
 */
export function sayOrigins(by: { kiosk: number; walkUp: number; handOff: number }): string {
  const walked = by.walkUp + by.handOff;
  if (walked === 0) return msg('All of them asked at a kiosk.');
  const kiosk = by.kiosk;
  const start =
    kiosk === 0
      ? msg('All of them walked up to a member of staff:')
      : msg(str`${kiosk} asked at a kiosk and ${walked} walked up to a member of staff:`);
  const there = by.walkUp;
  const helped = plural(
    there,
    msg(str`${there} was helped there and then,`),
    msg(str`${there} were helped there and then,`),
  );
  const on = by.handOff;
  const handed = plural(
    on,
    msg(str`${on} was handed to a colleague who knew more.`),
    msg(str`${on} were handed to a colleague who knew more.`),
  );
  return `${start} ${helped} ${handed}`;
}

/** "1 request", "12 requests". */
export function requests(n: number): string {
  return plural(n, msg(str`${n} request`), msg(str`${n} requests`));
}

/** "1 patron", "12 patrons". */
export function patrons(n: number): string {
  return plural(n, msg(str`${n} patron`), msg(str`${n} patrons`));
}

/** "1 hand-off", "3 hand-offs". */
export function handoffs(n: number): string {
  return plural(n, msg(str`${n} hand-off`), msg(str`${n} hand-offs`));
}

/** Fewer waits than this make "9 in 10" a claim about a handful of people: left unsaid. */
const NINE_IN_TEN_FROM = 10;

/** "; 9 in 10 waited 7 minutes or less." after the typical wait, when there are enough waits. */
export function nineInTen(wait: { count: number; p90Seconds: number | null }): string {
  if (wait.count < NINE_IN_TEN_FROM || wait.p90Seconds === null) return '.';
  const within = sayDuration(wait.p90Seconds);
  return wait.p90Seconds < 1
    ? msg(str`; 9 in 10 waited ${within}.`)
    : msg(str`; 9 in 10 waited ${within} or less.`);
}

/** "6 Mar": a day of the range, short, for a chart's axis. */
export function sayDayShort(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString([], {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

/** "9 AM" (or "09" on a 24-hour clock): an hour, short, for a chart's axis. */
export function sayHourShort(hour: number): string {
  return new Date(Date.UTC(2000, 0, 1, hour)).toLocaleTimeString([], {
    hour: 'numeric',
    timeZone: 'UTC',
  });
}
