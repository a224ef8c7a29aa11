// Finding a script by what a greeter types: every word must appear somewhere in the script
// (title, tags, purpose, step text or phrases), ignoring case and accents. Title hits first.
// Pure functions: the view hands in what it read from Dexie.
import type { Script } from '../../../shared/scripts.js';

type Searchable = Pick<Script, 'id' | 'title' | 'purpose' | 'tags' | 'topicIds' | 'steps'>;

/** Lower case without accents, so "resume" finds "résumé". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function words(query: string): string[] {
  return foldText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function haystack(script: Searchable): string {
  const steps = script.steps.flatMap((s) => [s.text, ...s.phrases]);
  return foldText([script.title, script.purpose, ...script.tags, ...steps].join('\n'));
}

/** Scripts linked to `topicId` (all when undefined). */
export function scriptsForTopic<T extends Searchable>(
  scripts: readonly T[],
  topicId?: string,
): T[] {
  return topicId ? scripts.filter((s) => s.topicIds.includes(topicId)) : [...scripts];
}

/**
 * The scripts matching `query` and `topicId`, best first: title hits, then tag hits, then the
 * rest, each group by title. An empty query matches everything, by title.
 */
export function searchScripts<T extends Searchable>(
  scripts: readonly T[],
  query: string,
  topicId?: string,
): T[] {
  const wanted = words(query);
  const byTitle = (a: T, b: T) => a.title.localeCompare(b.title);
  const inTopic = scriptsForTopic(scripts, topicId);
  if (wanted.length === 0) return inTopic.sort(byTitle);
  // Rank 0: the title holds every word; 1: title and tags do; 2: found deeper in the script.
  const ranked: T[][] = [[], [], []];
  for (const script of inTopic) {
    if (!wanted.every((w) => haystack(script).includes(w))) continue;
    const title = foldText(script.title);
    const named = foldText([script.title, ...script.tags].join(' '));
    const rank = wanted.every((w) => title.includes(w))
      ? 0
      : wanted.every((w) => named.includes(w))
        ? 1
        : 2;
    ranked[rank]!.push(script);
  }
  return ranked.flatMap((group) => group.sort(byTitle));
}

/**
 * The one script that is a topic's own guide (linked to that topic only), if there is exactly
 * one: a claimed request's "script for this topic" opens it straight away.
 */
export function topicGuide<T extends Searchable>(
  scripts: readonly T[],
  topicId: string,
): T | undefined {
  const own = scripts.filter((s) => s.topicIds.length === 1 && s.topicIds[0] === topicId);
  return own.length === 1 ? own[0] : undefined;
}
