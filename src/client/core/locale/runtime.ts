// @lit/localize's runtime, configured: imported (by ./index.ts) only when a screen first needs a
// language other than English, so a kiosk that starts in English loads neither this nor any
// translation. Each target locale's strings are a chunk of their own, loaded when chosen.
import { configureLocalization } from '@lit/localize/init/runtime.js';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';

type TargetLocale = (typeof targetLocales)[number];

// One entry per target locale, each its own lazy chunk. (A template-literal import would do as
// well, but this way the compiler checks that every shipped locale has its module.)
const loaders = {
  ar: () => import('./generated/ar.js'),
  es: () => import('./generated/es.js'),
  'zh-Hans': () => import('./generated/zh-Hans.js'),
} satisfies Record<TargetLocale, () => Promise<unknown>>;

export const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => loaders[locale as TargetLocale](),
});
