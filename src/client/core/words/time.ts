// Amounts of time, durations, waits and "ago", for staff and admin screens (see index.ts for
// why the words are split in two). Whole numbers in English are said without Intl.

import { msg, str } from '../locale/msg.js';
import { EN, cached, type Locale } from './index.js';

export type Unit = 'second' | 'minute' | 'hour' | 'day';

const units = new Map<string, Intl.NumberFormat>();

/**
 * English's names of the units, [one, other], in full and short, as Intl says them. The first
 * unit format of a page loads the platform's unit data: 48 ms of a tablet-class CPU in the
 * middle of the queue's first render (a Lighthouse trace of /staff). Staff screens speak
 * English, so whole numbers in English are said from here; a unit test holds every one of
 * them to Intl.NumberFormat('en'). Anything else asks Intl.
 */
const ENGLISH_UNITS: Record<Unit, Record<'long' | 'short', readonly [string, string]>> = {
  second: { long: ['second', 'seconds'], short: ['sec', 'sec'] },
  minute: { long: ['minute', 'minutes'], short: ['min', 'min'] },
  hour: { long: ['hour', 'hours'], short: ['hr', 'hr'] },
  day: { long: ['day', 'days'], short: ['day', 'days'] },
};

/** 1234567 as "1,234,567": English digit groups (a first regular expression cost more). */
function grouped(n: number): string {
  const plain = String(n);
  let out = '';
  for (let i = 0; i < plain.length; i++) {
    if (i > 0 && (plain.length - i) % 3 === 0) out += ',';
    out += plain[i];
  }
  return out;
}

function unitAmount(n: number, unit: Unit, display: 'long' | 'short', locale: Locale): string {
  const key = locale ?? EN;
  if (key === EN && Number.isSafeInteger(n)) {
    const [one, other] = ENGLISH_UNITS[unit][display];
    const digits = grouped(Math.abs(n));
    const sign = n < 0 || Object.is(n, -0) ? '-' : '';
    return `${sign}${digits} ${Math.abs(n) === 1 ? one : other}`;
  }
  return cached(units, `${key} ${unit} ${display}`, () => {
    return new Intl.NumberFormat(key, { style: 'unit', unit, unitDisplay: display });
  }).format(n);
}

/** "1 minute", "5 hours", "1 second". */
export function amount(n: number, unit: Unit, locale: Locale = EN): string {
  return unitAmount(n, unit, 'long', locale);
}

/** "1 min", "4 h": the short form for tight places. */
export function shortAmount(n: number, unit: Unit, locale: Locale = EN): string {
  return unitAmount(n, unit, 'short', locale);
}

const relatives = new Map<string, Intl.RelativeTimeFormat>();
/** "5 minutes ago", "in 2 hours". */
export function relative(n: number, unit: Unit, locale: Locale = EN): string {
  const key = locale ?? EN;
  return cached(relatives, key, () => {
    return new Intl.RelativeTimeFormat(key, { numeric: 'always' });
  }).format(n, unit);
}

/**
 * "less than a second", "40 seconds", "3 minutes", "1 hour 5 minutes": a span of time as a
 * person says it, to the nearest minute past a minute.
 */
export function duration(seconds: number, locale: Locale = EN): string {
  if (seconds < 1) return msg('less than a second');
  if (seconds < 60) return amount(Math.round(seconds), 'second', locale);
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return amount(minutes, 'minute', locale);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = amount(hours, 'hour', locale);
  return rest ? `${h} ${amount(rest, 'minute', locale)}` : h;
}

/** "just now", "4 min", "1 hr 5 min" since `iso`, at `now` (epoch ms). */
export function waitedFor(iso: string, now: number): string {
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000);
  if (!Number.isFinite(minutes) || minutes < 1) return msg('just now');
  if (minutes < 60) return shortAmount(minutes, 'minute');
  const rest = minutes % 60;
  const hours = shortAmount(Math.floor(minutes / 60), 'hour');
  return rest ? `${hours} ${shortAmount(rest, 'minute')}` : hours;
}

/** "just now" or "4 min ago". */
export function ago(iso: string, now: number): string {
  const waited = waitedFor(iso, now);
  return now - Date.parse(iso) >= 60_000 ? msg(str`${waited} ago`) : waited;
}
