// Time, duration, plural and list wording, on the platform's Intl (RelativeTimeFormat,
// PluralRules, ListFormat, DateTimeFormat, NumberFormat units) rather than hand-written rules,
// so a language added later brings its own plurals and word order. Staff and admin screens
// speak English for now; every helper takes the locale, so a patron's screen can pass theirs.

import { msg, str } from '../locale/msg.js';

export type Locale = string | undefined;
const EN = 'en';

const plurals = new Map<string, Intl.PluralRules>();
function pluralRule(n: number, locale: Locale): Intl.LDMLPluralRule {
  const key = locale ?? EN;
  let rules = plurals.get(key);
  if (!rules) plurals.set(key, (rules = new Intl.PluralRules(key)));
  return rules.select(n);
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

/** "1 minute", "5 hours", "1 second". */
export function amount(n: number, unit: Unit, locale: Locale = EN): string {
  return new Intl.NumberFormat(locale ?? EN, { style: 'unit', unit, unitDisplay: 'long' }).format(
    n,
  );
}

/** "1 min", "4 h": the short form for tight places. */
export function shortAmount(n: number, unit: Unit, locale: Locale = EN): string {
  return new Intl.NumberFormat(locale ?? EN, { style: 'unit', unit, unitDisplay: 'short' }).format(
    n,
  );
}

/** "5 minutes ago", "in 2 hours". */
export function relative(n: number, unit: Unit, locale: Locale = EN): string {
  return new Intl.RelativeTimeFormat(locale ?? EN, { numeric: 'always' }).format(n, unit);
}

/** "Technology, Books, and Local history". */
export function list(items: readonly string[], locale: Locale = EN): string {
  return new Intl.ListFormat(locale ?? EN, { type: 'conjunction' }).format(items);
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
