// Words for a request on a staff screen: how long it has waited, what is still unsent, who
// handed it on. Every word through msg() (README, "Languages"), read when said.
import type { OutboxAction } from '../../core/db/db.js';
import { actionName } from '../../core/db/outbox-words.js';
import { list } from '../../core/words/index.js';
import { msg, str } from '../../core/locale/msg.js';
import type { HelpRequest } from '../../../shared/schemas.js';

// How long a request has waited is said the same on every screen: see core/words.
export { ago, waitedFor } from '../../core/words/time.js';

/** "Claim and Start waiting to send", or '' when nothing is pending. */
export function pendingText(pending: readonly OutboxAction[]): string {
  if (pending.length === 0) return '';
  const names = list(pending.map(actionName));
  return msg(str`${names} waiting to send`);
}

/** "Handed on by Ana: “needs the microfiche reader”" (or by "a colleague" when unknown). */
export function handedOnBy(handoff: NonNullable<HelpRequest['handoff']>) {
  const by = handoff.from?.displayName ?? msg('a colleague');
  return handoff.note
    ? msg(str`Handed on by ${by}: “${handoff.note}”`)
    : msg(str`Handed on by ${by}`);
}

/** "From Ana: “needs the microfiche reader”", the hand-off's note as the specialist reads it. */
export function fromColleague(handoff: NonNullable<HelpRequest['handoff']>) {
  const by = handoff.from?.displayName ?? msg('a colleague');
  return msg(str`From ${by}: “${handoff.note ?? ''}”`);
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
