// The patron's language, by Lit's own localization (@lit/localize) in runtime mode. Every string
// a screen shows goes through msg(); English, the source, stays in the code, and each other
// language is a module of its own (./generated, built from xliff/ by `npm run localize:build`)
// that is imported only when someone chooses that language. Until a screen first needs another
// language, not even the runtime (./runtime.ts) is loaded: msg() answers the English source, so
// a kiosk's first load carries no translation machinery at all
// (tests/unit/bundle-size.test.ts). Runtime mode, not transform mode, since one kiosk serves a
// Spanish speaker, then an Arabic speaker, without a reload or a build per language. How to add
// a language: README, "Languages".
import { allLocales, sourceLocale } from './generated/locale-codes.js';
import type * as Runtime from './runtime.js';

/** A language Rove ships strings for: "en", "es", "zh-Hans", "ar". */
export type Locale = (typeof allLocales)[number];

export const SOURCE_LOCALE: Locale = sourceLocale;
export const SHIPPED_LOCALES: readonly Locale[] = allLocales;

let runtime: typeof Runtime | undefined;

/** The language the screens speak now (its strings loaded). */
export const getLocale = (): Locale => (runtime?.getLocale() ?? SOURCE_LOCALE) as Locale;

/**
 * Speak `locale` from now on: its strings load (once), then every element that uses
 * updateWhenLocaleChanges/@localized renders again. Answers when they show.
 */
export async function setLocale(locale: Locale): Promise<void> {
  if (!runtime && locale === SOURCE_LOCALE) return;
  runtime ??= await import('./runtime.js');
  await runtime.setLocale(locale);
}

/**
 * The shipped locale that speaks a BCP 47 `tag` (a branch's "es-MX", a phone's "zh-CN"), or
 * undefined: the same language in the same script ("zh-TW" is Traditional, so not "zh-Hans").
 */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const exact = allLocales.find((l) => l.toLowerCase() === tag.toLowerCase());
  if (exact) return exact;
  let wanted: Intl.Locale;
  try {
    wanted = new Intl.Locale(tag).maximize();
  } catch {
    return undefined;
  }
  return allLocales.find((l) => {
    const shipped = new Intl.Locale(l).maximize();
    return shipped.language === wanted.language && shipped.script === wanted.script;
  });
}

/**
 * The languages a library has translated its staff and admin screens into (README, "Languages"):
 * none yet, so they speak English. A staff device whose browser prefers one of these shows the
 * staff, Scripts, enrollment and admin screens in it.
 */
export const STAFF_LOCALES: readonly Locale[] = [];

/**
 * The language of the staff screens on a device whose browser prefers `preferred` (its
 * `navigator.languages`): the first of them that is English or one of `offered`, else English.
 */
export function staffLocale(
  preferred: readonly string[],
  offered: readonly Locale[] = STAFF_LOCALES,
): Locale {
  // Nothing but English offered: English, without asking Intl. Matching a tag like "en-US"
  // calls `maximize()`, whose first call loads the platform's locale data (about 30 ms in a
  // Lighthouse trace of the tablet, before the 4x slowdown, in the task that first paints).
  if (offered.every((locale) => locale === SOURCE_LOCALE)) return SOURCE_LOCALE;
  for (const tag of preferred) {
    const locale = matchLocale(tag);
    if (locale === SOURCE_LOCALE || (locale && offered.includes(locale))) return locale;
  }
  return SOURCE_LOCALE;
}

/** Scripts written right to left (Arabic, Hebrew, Syriac, Thaana, N'Ko, Adlam, Hanifi). */
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg']);

/**
 * The shipped locales' directions, known without asking Intl: a page's first `maximize()` (or
 * any first Intl call) loads the platform's locale data, tens of ms on a cheap tablet, one long
 * task while the kiosk or the follow page loads. tests/unit/client/core/locale/shipped.test.ts
 * checks this table against Intl for every shipped locale.
 */
export const SHIPPED_DIRECTIONS: Readonly<Record<Locale, 'ltr' | 'rtl'>> = {
  en: 'ltr',
  es: 'ltr',
  'zh-Hans': 'ltr',
  ar: 'rtl',
};

const directions = new Map<string, 'ltr' | 'rtl'>(Object.entries(SHIPPED_DIRECTIONS));

/** "rtl" for a language written right to left (Arabic), else "ltr". */
export function direction(tag: string): 'ltr' | 'rtl' {
  let found = directions.get(tag);
  if (found) return found;
  try {
    found = RTL_SCRIPTS.has(new Intl.Locale(tag).maximize().script ?? '') ? 'rtl' : 'ltr';
  } catch {
    found = 'ltr';
  }
  directions.set(tag, found);
  return found;
}

/** `lang` and `dir` of the whole page follow `locale`: screen readers and the layout read them. */
export function markDocument(locale: string): void {
  const root = document.documentElement;
  root.lang = locale;
  root.dir = direction(locale);
}

/**
 * A language's own name for itself, as a patron looks for it: "English", "Español", "中文",
 * "العربية". `short` drops the script or region ("中文" for "zh-Hans") when the branch offers
 * only one form of that language.
 */
export function ownName(tag: string, short = true): string {
  try {
    const locale = new Intl.Locale(tag);
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(
      short ? locale.language : tag,
    );
    if (!name) return tag;
    return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch {
    return tag;
  }
}

/**
 * Shipped locales that write a whole number under 1000 in plain ASCII digits, no grouping, as
 * `String(n)` does (checked against Intl in tests/unit/client/core/locale/shipped.test.ts).
 * Their small numbers need no Intl, and so no locale data loaded while a page starts.
 */
export const ASCII_DIGIT_LOCALES: ReadonlySet<string> = new Set<Locale>(['en', 'es', 'zh-Hans']);

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number as the chosen language writes it ("12", "١٢"). */
export function formatNumber(n: number, locale: string = getLocale()): string {
  if (ASCII_DIGIT_LOCALES.has(locale) && Number.isInteger(n) && n >= 0 && n < 1000) {
    return String(n);
  }
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(n);
}
