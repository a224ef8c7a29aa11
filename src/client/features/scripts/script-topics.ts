// Names for the topic filters. Scripts are shared by every branch; the names come from the
// topics the device holds (its branch's, so a topic a supervisor added or renamed shows as
// they wrote it), and else from the starter topics' names here, for a device that holds no
// topics yet (a tablet nobody has signed in on). A topic known to neither shows its id.
import type { TopicLabel } from '../../core/db/topic-labels.js';
import { msg } from '../../core/locale/msg.js';

/** The starter topics, in their usual order. */
const STARTER_TOPICS = ['tech', 'books', 'youth', 'history', 'careers', 'forms', 'access'];

/** A starter topic's name, read when said; undefined for any other id. */
function starterName(topicId: string): string | undefined {
  switch (topicId) {
    case 'tech':
      return msg('Technology');
    case 'books':
      return msg('Finding books');
    case 'youth':
      return msg('Children and teens');
    case 'history':
      return msg('Local history');
    case 'careers':
      return msg('Jobs and careers');
    case 'forms':
      return msg('Forms and government');
    case 'access':
      return msg('Accessibility');
    default:
      return undefined;
  }
}

export function topicName(topicId: string, known: readonly TopicLabel[] = []): string {
  return (
    known.find((t) => t.id === topicId)?.label ??
    starterName(topicId) ??
    topicId.replace(/[-_]+/g, ' ')
  );
}

/**
 * The topics the scripts link to: those the device holds, in the branch's order; then starter
 * topics in their usual order; then the rest by id.
 */
export function linkedTopics(
  scripts: readonly { topicIds: readonly string[] }[],
  known: readonly TopicLabel[] = [],
): string[] {
  const linked = new Set(scripts.flatMap((s) => s.topicIds));
  const held = known.map((t) => t.id).filter((id) => linked.has(id));
  const starter = STARTER_TOPICS.filter((id) => linked.has(id) && !held.includes(id));
  const placed = new Set([...held, ...starter]);
  const others = [...linked].filter((id) => !placed.has(id)).sort();
  return [...held, ...starter, ...others];
}
