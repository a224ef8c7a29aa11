// Time, duration, plural and list wording, on the platform's Intl (RelativeTimeFormat,
// PluralRules, ListFormat, DateTimeFormat, NumberFormat units) rather than hand-written rules,
// so a language added later brings its own plurals and word order. Staff and admin screens
// speak English for now; every helper takes the locale, so a patron's screen can pass theirs.
// Amounts of time, durations and waits are in ./time.ts: only staff and admin screens say them,
// so they stay off the kiosk's first load (the shell, which says clocks, imports this module).

export type Locale = string | undefined;
export const EN = 'en';

/**
 * One formatter per locale and options, made on first use: making one loads the platform's
 * data for the locale and costs far more than using it (a queue re-renders every wait each
 * 30 s), and the first one on a page, in the middle of the first render, was 8 ms of a cheap
 * tablet's main thread (a Lighthouse trace of /staff, tests/bench/README.md).
 */
export function cached<F>(cache: Map<string, F>, key: string, make: () => F): F {
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

const lists = new Map<string, Intl.ListFormat>();
/** "Technology, Books, and Local history". */
export function list(items: readonly string[], locale: Locale = EN): string {
  const key = locale ?? EN;
  return cached(lists, key, () => new Intl.ListFormat(key, { type: 'conjunction' })).format(items);
}

/** "10:42" in the device's own clock format (or `locale`'s). */
export function clock(iso: string, locale?: Locale): string {
  return new Date(iso).toLocaleTimeString(locale ? [locale] : [], {
    hour: '2-digit',
    minute: '2-digit',
  });
}
