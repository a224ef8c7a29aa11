// The device's copy of the published scripts, and how far a greeter has ticked through each.
// Views read scripts only from here, so the list, search and every script work offline.
import { liveQuery, type Table } from 'dexie';
import { db } from './db.js';
import type { Script } from '../../../shared/scripts.js';

/** Ticked steps of one script on this device; kept per script version so an edit starts fresh. */
interface ScriptProgress {
  scriptId: string;
  version: number;
  /** Indexes (0-based) of the ticked steps. */
  done: number[];
  updatedAt: string;
}

// Through db.table() so this module needs nothing from db.ts but the two table names.
const scripts = (): Table<Script, string> => db.table<Script, string>('scripts');
const progress = (): Table<ScriptProgress, string> =>
  db.table<ScriptProgress, string>('scriptProgress');

/** Every script this device holds, read once. */
export function readScripts(): Promise<Script[]> {
  return scripts().toArray();
}

/** Calls `onChange` with every stored script now and after each change; returns the stop. */
export function watchScripts(
  onChange: (list: Script[]) => void,
  onError: (error: unknown) => void = console.error,
): () => void {
  const subscription = liveQuery(() => scripts().toArray()).subscribe({
    next: onChange,
    error: onError,
  });
  return () => subscription.unsubscribe();
}

/** Calls `onChange` with the ticks for the script's `version` (none if another version). */
export function watchScriptProgress(
  scriptId: string,
  version: number,
  onChange: (done: number[]) => void,
  onError: (error: unknown) => void = console.error,
): () => void {
  const subscription = liveQuery(() => progress().get(scriptId)).subscribe({
    next: (row) => onChange(row && row.version === version ? row.done : []),
    error: onError,
  });
  return () => subscription.unsubscribe();
}

export async function setStepTicked(
  scriptId: string,
  version: number,
  stepIndex: number,
  ticked: boolean,
): Promise<void> {
  await db.transaction('rw', progress(), async () => {
    const row = await progress().get(scriptId);
    const done = new Set(row && row.version === version ? row.done : []);
    if (ticked) done.add(stepIndex);
    else done.delete(stepIndex);
    await progress().put({
      scriptId,
      version,
      done: [...done].sort((a, b) => a - b),
      updatedAt: new Date().toISOString(),
    });
  });
}

export async function resetScriptProgress(scriptId: string): Promise<void> {
  await progress().delete(scriptId);
}

/** The stored scripts become exactly `published`: new and changed ones in, the rest out. */
export async function replaceScripts(published: readonly Script[]): Promise<void> {
  await db.transaction('rw', scripts(), async () => {
    const keep = new Set(published.map((s) => s.id));
    const stored = new Map((await scripts().toArray()).map((s) => [s.id, JSON.stringify(s)]));
    const stale = [...stored.keys()].filter((id) => !keep.has(id));
    // Only what differs is written: a refresh that finds the scripts as stored (every load of
    // Scripts or the tablet refreshes them, twice on a signed-in tablet) wakes no live query,
    // so the list is not read and rendered again for nothing (issue 15, Scripts' long tasks).
    const changed = published.filter((s) => stored.get(s.id) !== JSON.stringify(s));
    if (stale.length) await scripts().bulkDelete(stale);
    if (changed.length) await scripts().bulkPut([...changed]);
  });
}

/** One script changed: store it if published, drop it if not (withdrawn). */
export async function storeScript(script: Script): Promise<void> {
  if (script.publishedVersion === undefined) await scripts().delete(script.id);
  else await scripts().put(script);
}
