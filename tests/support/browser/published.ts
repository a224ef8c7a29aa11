// Published scripts as the server sends them, made from the starter content, and the device's
// real Dexie copy filled with them (no server needed: the views read only Dexie).
import { STARTER_SCRIPTS } from '../../../src/server/seed/scripts.js';
import { replaceScripts, resetScriptProgress } from '../../../src/client/core/db/scripts.js';
import type { Script } from '../../../src/shared/scripts.js';
import { accessibleName, allDeep } from './by-role.js';

export function published(id: string, changes: Partial<Script> = {}): Script {
  const starter = STARTER_SCRIPTS.find((s) => s.id === id);
  if (!starter) throw new Error(`No starter script ${id}`);
  return {
    ...starter,
    tags: [...starter.tags],
    topicIds: [...starter.topicIds],
    steps: starter.steps.map((s) => ({ ...s, phrases: [...s.phrases] })),
    version: 1,
    latestVersion: 1,
    publishedVersion: 1,
    updatedAt: '2025-01-01T09:00:00.000Z',
    publishedAt: '2025-01-01T09:00:00.000Z',
    ...changes,
  };
}

/** Every starter script, published, in this device's Dexie; no ticks anywhere. */
export async function storeStarterScripts(): Promise<Script[]> {
  const all = STARTER_SCRIPTS.map((s) => published(s.id));
  await replaceScripts(all);
  await Promise.all(all.map((s) => resetScriptProgress(s.id)));
  return all;
}

/** The search field: role `searchbox` (an `input type=search`), which by-role.ts does not list. */
export function getSearchbox(root: ParentNode, name: string): HTMLInputElement {
  const found = allDeep(root).filter(
    (el) =>
      (el.matches('input[type="search"]') || el.getAttribute('role') === 'searchbox') &&
      accessibleName(el) === name,
  );
  if (found.length !== 1)
    throw new Error(`Expected one searchbox named ${name}, found ${found.length}`);
  return found[0] as HTMLInputElement;
}
