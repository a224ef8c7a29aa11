// Names for the topic filters. Scripts are shared by every branch, so the starter topics'
// names live here; a topic added later shows its id until it gets one.
export const TOPIC_NAMES: Readonly<Record<string, string>> = {
  tech: 'Technology',
  books: 'Finding books',
  youth: 'Children and teens',
  history: 'Local history',
  careers: 'Jobs and careers',
  forms: 'Forms and government',
  access: 'Accessibility',
};

export function topicName(topicId: string): string {
  return TOPIC_NAMES[topicId] ?? topicId.replace(/[-_]+/g, ' ');
}

/** The topics the scripts link to: starter topics in their usual order, then the rest. */
export function linkedTopics(scripts: readonly { topicIds: readonly string[] }[]): string[] {
  const linked = new Set(scripts.flatMap((s) => s.topicIds));
  const starter = Object.keys(TOPIC_NAMES).filter((id) => linked.has(id));
  const others = [...linked].filter((id) => !(id in TOPIC_NAMES)).sort();
  return [...starter, ...others];
}
