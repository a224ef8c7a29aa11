// Words for a request on a staff screen: how long it has waited, what is still unsent.
import type { OutboxAction } from '../../core/db/db.js';

// How long a request has waited is said the same on every screen: see core/words.
export { ago, waitedFor } from '../../core/words/index.js';

const VERBS: Record<OutboxAction, string> = {
  create: 'New request',
  interaction: 'Answer given on the spot',
  claim: 'Claim',
  release: 'Release',
  start: 'Start',
  resolve: 'Resolve',
  transfer: 'Hand-off',
  cancel: 'Cancel',
  page: 'Page',
  here: "I'm here",
};

/** "Claim and Start waiting to send", or '' when nothing is pending. */
export function pendingText(pending: readonly OutboxAction[]): string {
  if (pending.length === 0) return '';
  const names = pending.map((a) => VERBS[a]);
  const list =
    names.length === 1
      ? names[0]
      : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${list} waiting to send`;
}

/**
 * The label of the request's topic among `topics` (hidden ones included: a request keeps its
 * topic after a supervisor hides it), or undefined when the device does not hold it yet. Never
 * the topic's id: that is not a word for people.
 */
export function topicLabel(
  topicId: string,
  topics: readonly { id: string; label: string }[],
): string | undefined {
  return topics.find((t) => t.id === topicId)?.label;
}
