// The follow page's entry (follow.html, served at /follow/<token>): the patron's phone, so only
// the follow view and what it needs. No service worker, no Dexie, nothing of the staff, admin or
// kiosk screens; tests/unit/bundle-size.test.ts holds it to its budget. It speaks the language
// the patron chose at the kiosk, which the kiosk put in the link (`?lang=es`); English without.
import {
  SOURCE_LOCALE,
  getLocale,
  markDocument,
  matchLocale,
  setLocale,
} from './core/locale/index.js';
import { followWords } from './features/follow/follow-words.js';
import './features/follow/rove-follow-page.js';

const locale = matchLocale(new URLSearchParams(location.search).get('lang')) ?? SOURCE_LOCALE;
const speak = () => {
  markDocument(getLocale());
  document.title = followWords().documentTitle;
};
speak();
setLocale(locale).then(speak, (error: unknown) => {
  console.warn('Rove could not load the strings of', locale, error);
});
