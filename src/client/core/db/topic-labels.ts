// The names of the topics this device holds in its replica (its branch's, as the server last
// listed them or a `topic` event changed them), for screens that know topics only by id.
import { liveQuery } from 'dexie';
import { fetchTopics } from '../api/branch.js';
import { db } from './db.js';
import { replaceTopics } from './replica.js';

export interface TopicLabel {
  id: string;
  label: string;
}

/**
 * Calls `onChange` with each stored topic's id and label, in the branch's display order, now
 * and after every change; an empty list on a device that holds no topics yet. Returns the stop.
 */
export function watchTopicLabels(
  onChange: (topics: TopicLabel[]) => void,
  onError: (error: unknown) => void = console.error,
): () => void {
  const subscription = liveQuery(() => db.topics.orderBy('position').toArray()).subscribe({
    next: (topics) => onChange(topics.map(({ id, label }) => ({ id, label }))),
    error: onError,
  });
  return () => subscription.unsubscribe();
}

/**
 * An enrolled device with nobody signed in (a greeter's tablet) may still read its branch's
 * topics: store them, so the names are fresh. Offline or refused, the stored ones stay.
 */
export async function refreshTopicLabels(branchId: string): Promise<void> {
  try {
    await replaceTopics(branchId, await fetchTopics(branchId));
  } catch (error) {
    console.warn('Rove shows the topic names it stored last time', error);
  }
}
