// The topics a supervisor may link a script to. Scripts are shared by every branch, and each
// branch keeps its own topics (a supervisor may add, rename or hide them), so the choices are
// every branch's topics by id, named as the branches name them.
import type { Topic } from '../../../shared/schemas.js';
import { msg, str } from '../../core/locale/msg.js';

/** One topic id a script may link to, and the words to show for it. */
export interface TopicChoice {
  id: string;
  label: string;
}

/**
 * Every topic id of `topicsByBranch` (each branch's topics in its display order, branches in
 * order), once, in the order first met. An id named differently at different branches shows
 * each name ("Computers and printing / Technology"); one hidden at every branch that has it
 * says so, since no kiosk offers it.
 */
export function scriptTopicChoices(topicsByBranch: readonly (readonly Topic[])[]): TopicChoice[] {
  const seen = new Map<string, { labels: string[]; shown: boolean }>();
  for (const topics of topicsByBranch) {
    for (const topic of topics) {
      const entry = seen.get(topic.id) ?? { labels: [], shown: false };
      if (!entry.labels.includes(topic.label)) entry.labels.push(topic.label);
      entry.shown ||= !topic.hidden;
      seen.set(topic.id, entry);
    }
  }
  return [...seen].map(([id, { labels, shown }]) => {
    const names = labels.join(' / ');
    return { id, label: shown ? names : msg(str`${names} (hidden from the kiosk)`) };
  });
}
