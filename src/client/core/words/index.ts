// Time, duration, plural and list wording, on the platform's Intl (RelativeTimeFormat,
// PluralRules, ListFormat, DateTimeFormat, NumberFormat units) rather than hand-written rules,
// so a language added later brings its own plurals and word order. Staff and admin screens
// speak English for now; every helper takes the locale, so a patron's screen can pass theirs.

import { msg, str } from '../locale/msg.js';

export type Locale = string | undefined;
const EN = 'en';

/**
 * One formatter per locale and options, made on first use: making one loads the platform's
 * data for the locale and costs far more than using it (a queue re-renders every wait each
 * 30 s), and the first one on a page, in the middle of the first render, was 8 ms of a cheap
 * tablet's main thread (a Lighthouse trace of /staff, tests/bench/README.md).
 */
function cached<F>(cache: Map<string, F>, key: string, make: () => F): F {
  let made = cache.get(key);
  if (!made) cache.set(key, (made = make()));
  return made;
}

const plurals = new Map<string, Intl.PluralRules>();
function pluralRule(n: number, locale: Locale): Intl.LDMLPluralRule {
  const key = locale ?? EN;
  // English's cardinal rule (CLDR: "one" for i = 1 and v = 0), so screens in English need no
  // Intl data for it; a unit test holds it to Intl.PluralRules('en'). Other languages ask Intl.
  if (key === EN) return Math.abs(n) === 1 ? 'one' : 'other';
  return cached(plurals, key, () => new Intl.PluralRules(key)).select(n);
}

/** The form of a word for `n`: `plural(1, 'change', 'changes')` is "change". */
export function plural(n: number, one: string, other: string, locale: Locale = EN): string {
  return pluralRule(n, locale) === 'one' ? one : other;
}

/** "1 change", "12 changes": the number and the word that goes with it. */
export function count(n: number, one: string, other = `${one}s`, locale: Locale = EN): string {
  return `${n} ${plural(n, one, other, locale)}`;
}

type Unit = 'second' | 'minute' | 'hour' | 'day';

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

const lists = new Map<string, Intl.ListFormat>();
/** "Technology, Books, and Local history". */
export function list(items: readonly string[], locale: Locale = EN): string {
  const key = locale ?? EN;
  return cached(lists, key, () => new Intl.ListFormat(key, { type: 'conjunction' })).format(items);
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

/** "10:42" in the device's own clock format (or `locale`'s). */
export function clock(iso: string, locale?: Locale): string {
  return new Date(iso).toLocaleTimeString(locale ? [locale] : [], {
    hour: '2-digit',
    minute: '2-digit',
  });
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
