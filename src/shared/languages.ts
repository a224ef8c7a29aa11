// Languages as Rove keeps them (docs/API.md, "A branch's languages"): BCP 47 tags in their canonical
// spelling, matched on the primary subtag where an exact match is missing (`es-MX` finds `es`).
// Intl does the parsing and canonicalizing: no hand-written BCP 47 grammar here.

/** The primary language subtag, lowercased: `es-MX` and `es` are both Spanish. */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

/** `tag` in its canonical spelling ("zh-hans" → "zh-Hans"), or undefined when it is not one. */
export function canonicalTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/**
 * Which of `tags` answers `wanted`: the same tag (ignoring case), else one with the same
 * primary subtag (the tag that is only that subtag first, so `es-MX` finds `es` before `es-ES`).
 */
export function matchLanguage(wanted: string, tags: readonly string[]): string | undefined {
  const lower = wanted.toLowerCase();
  const exact = tags.find((tag) => tag.toLowerCase() === lower);
  if (exact !== undefined) return exact;
  const primary = primaryLanguage(wanted);
  return (
    tags.find((tag) => tag.toLowerCase() === primary) ??
    tags.find((tag) => primaryLanguage(tag) === primary)
  );
}

/** A topic's label in `lang` where a supervisor wrote one, else its default `label`. */
export function labelIn(
  topic: { label: string; labels?: Record<string, string> },
  lang: string | undefined,
): string {
  if (!lang || !topic.labels) return topic.label;
  const tag = matchLanguage(lang, Object.keys(topic.labels));
  return tag === undefined ? topic.label : topic.labels[tag]!;
}
