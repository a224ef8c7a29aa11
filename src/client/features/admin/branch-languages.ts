// The languages a supervisor may offer on a branch's kiosks (docs/API.md, "A branch's
// languages"), and a topic's label fields for each of them.
import { html } from 'lit';
import type { Topic } from '../../../shared/schemas.js';
import { ownLanguageName } from '../../ui/walk-up/walk-up-format.js';
import { msg } from '../../core/locale/msg.js';

/**
 * The languages the kiosk's own words are written in (issue 13): a branch offers any of them.
 * Add a tag here when the kiosk ships another language.
 */
const KIOSK_LANGUAGES: readonly string[] = ['en', 'es', 'zh-Hans', 'ar'];

/** The languages to offer for `current` (a branch's own list): the kiosk's, then any other it has. */
export function languageOptions(current: readonly string[] = []): string[] {
  return [...KIOSK_LANGUAGES, ...current.filter((tag) => !KIOSK_LANGUAGES.includes(tag))];
}

/** A branch's languages besides its default (the first): those a topic label is written for. */
export function otherLanguages(languages: readonly string[] | undefined): string[] {
  return (languages ?? []).slice(1);
}

/**
 * One field per language in `languages` for a topic's label in it, each named "Label in
 * Español" and written in that language (`lang`, and `dir="auto"` for right-to-left scripts).
 */
export function labelFields(
  idPrefix: string,
  languages: readonly string[],
  labels: Topic['labels'] = {},
) {
  return languages.map((tag) => {
    const id = `${idPrefix}-label-${tag}`;
    return html`<div class="field">
      <label for=${id}
        >${msg(html`Label in <span lang=${tag}>${ownLanguageName(tag)}</span>`)}
        <span class="hint">${msg('Leave it empty to show the main label')}</span></label
      >
      <input
        id=${id}
        name="label-${tag}"
        lang=${tag}
        dir="auto"
        maxlength="60"
        .value=${labels?.[tag] ?? ''}
      />
    </div>`;
  });
}

/**
 * The translations `form` holds for `languages`, over `before` (kept for languages the branch no
 * longer offers). An empty field is sent empty, which the server takes as "none".
 */
export function readLabels(
  form: FormData,
  languages: readonly string[],
  before: Topic['labels'] = {},
): Record<string, string> {
  const labels: Record<string, string> = { ...before };
  for (const tag of languages) labels[tag] = String(form.get(`label-${tag}`) ?? '').trim();
  return labels;
}
