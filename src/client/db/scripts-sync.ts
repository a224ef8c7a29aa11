// Keeps the device's scripts in step with the server: a full fetch when the sync engine (or the
// scripts view) asks, and one `event: script` at a time from the staff stream.
import { fetchPublishedScripts } from '../api/scripts.js';
import { replaceScripts, storeScript } from './scripts.js';
import type { Script } from '../../shared/scripts.js';

/** GET every published script into Dexie, removing ones no longer published. */
export async function syncScripts(): Promise<void> {
  const published = await fetchPublishedScripts();
  await replaceScripts(published.filter(looksLikeScript));
}

/** `event: script` from the stream: `data` is `{script}`; bad data is ignored, not stored. */
export async function applyScriptEvent(data: { script: unknown }): Promise<void> {
  const script = data?.script;
  if (!looksLikeScript(script)) return;
  await storeScript(script);
}

// A light check (the server validated it already) so one odd message cannot break the views;
// no schema library here, to keep the kiosk's bundle small.
function looksLikeScript(value: unknown): value is Script {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<Script>;
  return (
    typeof s.id === 'string' &&
    typeof s.title === 'string' &&
    typeof s.version === 'number' &&
    Array.isArray(s.tags) &&
    Array.isArray(s.topicIds) &&
    Array.isArray(s.steps) &&
    s.steps.every((step) => typeof step?.text === 'string' && Array.isArray(step.phrases))
  );
}
