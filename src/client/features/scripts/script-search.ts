// Finding a script by what a greeter types: every word must appear somewhere in the script
// (title, tags, purpose, step text or phrases), ignoring case and accents. Title hits first.
// Pure functions: the view hands in what it read from Dexie.
import type { Script } from '../../../shared/scripts.js';

type Searchable = Pick<Script, 'id' | 'title' | 'purpose' | 'tags' | 'topicIds' | 'steps'>;

/** Lower case without accents, so "resume" finds "résumé". */
function foldText(text: string): string {
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

/** What a search compares, folded once per script (see `indexOf`). */
interface Folded {
  title: string;
  /** Title and tags. */
  named: string;
  /** Everything a word may be found in: title, purpose, tags, steps and phrases. */
  haystack: string;
}

// The search index: each script's folded text, made the first time that script is searched or
// sorted and kept as long as the script object lives. A screen that only lists the scripts folds
// their titles alone; the rest waits for the first word typed.
const titles = new WeakMap<Searchable, string>();
const folded = new WeakMap<Searchable, Folded>();

function titleKey(script: Searchable): string {
  let key = titles.get(script);
  if (key === undefined) titles.set(script, (key = foldText(script.title)));
  return key;
}

function indexOf(script: Searchable): Folded {
  let entry = folded.get(script);
  if (!entry) {
    const steps = script.steps.flatMap((s) => [s.text, ...s.phrases]);
    entry = {
      title: titleKey(script),
      named: foldText([script.title, ...script.tags].join(' ')),
      haystack: foldText([script.title, script.purpose, ...script.tags, ...steps].join('\n')),
    };
    folded.set(script, entry);
  }
  return entry;
}

/**
 * By title, ignoring case and accents: the folded titles compared as they are, not with
 * `localeCompare`, whose first call in a page builds a collator (tens of ms on a cheap tablet,
 * one long task while the screen loads). Ties fall back to the title as written, then the id.
 */
function byTitle(a: Searchable, b: Searchable): number {
  const x = titleKey(a);
  const y = titleKey(b);
  if (x !== y) return x < y ? -1 : 1;
  if (a.title !== b.title) return a.title < b.title ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Scripts linked to `topicId` (all when undefined). */
function scriptsForTopic<T extends Searchable>(scripts: readonly T[], topicId?: string): T[] {
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
  const inTopic = scriptsForTopic(scripts, topicId);
  if (wanted.length === 0) return inTopic.sort(byTitle);
  // Rank 0: the title holds every word; 1: title and tags do; 2: found deeper in the script.
  const ranked: T[][] = [[], [], []];
  for (const script of inTopic) {
    const { title, named, haystack } = indexOf(script);
    if (!wanted.every((w) => haystack.includes(w))) continue;
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
