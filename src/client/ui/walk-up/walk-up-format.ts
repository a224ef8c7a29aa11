// Words for walk-ups on a staff screen: patrons' languages by name (in the tablet's language and
// in their own), who sent a walk-up and where the patron is, and where a sent one stands.
import type { HelpRequest } from '../../../shared/schemas.js';
import { msg, str } from '../../core/locale/msg.js';

/**
 * Languages a tablet offers for a patron who does not speak the usual one, as BCP 47 tags.
 * A branch's own list (docs/API.md, "Skills") replaces this when it
 * exists.
 */
export const PATRON_LANGUAGES: readonly string[] = [
  'ar',
  'zh',
  'fa',
  'fr',
  'de',
  'hi',
  'it',
  'ko',
  'pl',
  'pt',
  'ru',
  'so',
  'es',
  'tl',
  'uk',
  'vi',
];

function displayName(tag: string, inLanguage: string): string | undefined {
  try {
    const name = new Intl.DisplayNames([inLanguage], { type: 'language' }).of(tag);
    return name && name !== tag ? name : undefined;
  } catch {
    return undefined;
  }
}

/** "Spanish (español)": the name staff read, and the one the patron can point at. */
export function languageName(tag: string, uiLanguage = navigator.language || 'en'): string {
  const ours = displayName(tag, uiLanguage);
  const theirs = displayName(tag, tag);
  if (!ours) return theirs ?? tag;
  return theirs && theirs.toLowerCase() !== ours.toLowerCase() ? `${ours} (${theirs})` : ours;
}

/**
 * A language by its own name, as a patron who speaks it would look for it: "Español", "English",
 * "العربية" (the tag itself when the browser has no name for it).
 */
export function ownLanguageName(tag: string): string {
  const name = displayName(tag, tag);
  if (!name) return tag;
  try {
    return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch {
    return name;
  }
}

/** PATRON_LANGUAGES with their names, sorted by the name staff read. */
export function languageChoices(): { tag: string; label: string }[] {
  return PATRON_LANGUAGES.map((tag) => ({ tag, label: languageName(tag) })).sort((a, b) =>
    a.label.localeCompare(b.label),
  );
}

/**
 * "Sent by Ana · at the entrance · speaks Spanish (español)" for a walk-up ("Sent by you" for
 * my own), or the language alone for a kiosk request that has one; '' when there is nothing.
 * `language: false` leaves the language out (a screen that shows it otherwise).
 */
export function walkUpLine(
  request: HelpRequest,
  meId?: string,
  { language = true }: { language?: boolean } = {},
): string {
  const parts: string[] = [];
  const by = request.createdBy;
  if (request.origin === 'walk-up' && by) {
    parts.push(by.id === meId ? msg('Sent by you') : msg(str`Sent by ${by.displayName}`));
  }
  if (request.zone) parts.push(msg(str`at ${request.zone}`));
  if (language && request.language) {
    const name = languageName(request.language);
    parts.push(msg(str`speaks ${name}`));
  }
  return parts.join(' · ');
}

/**
 * Where a walk-up the greeter sent stands, in words they can pass on to the patron:
 * "Kim is on the way", "Waiting for someone who knows Local history", ...
 */
export function sentStatus(request: HelpRequest, skillLabel: string, unsent: boolean): string {
  const who = request.claimedBy?.displayName;
  switch (request.status) {
    case 'waiting':
      if (unsent) return msg('Not sent yet: it goes as soon as the tablet is back online.');
      return request.handoff
        ? msg(str`Handed on: waiting for someone who knows ${skillLabel}.`)
        : msg(str`Waiting for someone who knows ${skillLabel}.`);
    case 'claimed':
      return who ? msg(str`${who} is on the way.`) : msg('Someone is on the way.');
    case 'serving':
      return who ? msg(str`${who} is with them.`) : msg('Someone is with them.');
    case 'done':
      return who ? msg(str`${who} helped them.`) : msg('Someone helped them.');
    default:
      return msg('Cancelled.');
  }
}
