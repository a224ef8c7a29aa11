// Keeps the device's scripts in step with the server: a full fetch when the sync engine (or the
// scripts view) asks, one `event: script` at a time from the staff stream, and, on a device
// with no staff stream, the public scripts stream (snapshot, then each publish and withdrawal).
import { fetchPublishedScripts } from '../api/scripts.js';
import { SCRIPTS_STREAM_PATH, keepStreamOpen } from '../stream.js';
import { replaceScripts, storeScript } from './scripts.js';
import type { ScriptsStreamEvent } from '../../../shared/events.js';
import type { Script } from '../../../shared/scripts.js';

/** The sync under way, if any: a second caller meanwhile joins it. */
let syncing: Promise<void> | undefined;

/**
 * GET every published script into Dexie, removing ones no longer published. Called again while
 * one runs (the Scripts screen's own refresh and the sync engine's, on a signed-in tablet, both
 * ask as the screen opens), it answers that same sync instead of fetching the list twice.
 */
export function syncScripts(): Promise<void> {
  if (syncing) return syncing;
  const sync = (async () => {
    const published = await fetchPublishedScripts();
    await replaceScripts(published.filter(looksLikeScript));
  })().finally(() => {
    if (syncing === sync) syncing = undefined;
  });
  syncing = sync;
  return sync;
}

/** `event: script` from the stream: `data` is `{script}`; bad data is ignored, not stored. */
export async function applyScriptEvent(data: { script: unknown }): Promise<void> {
  const script = data?.script;
  if (!looksLikeScript(script)) return;
  await storeScript(script);
}

/**
 * Follows the public scripts stream until the returned stop is called: its snapshot replaces
 * the stored scripts and each `event: script` is applied, in the order they came. A lost
 * stream is opened again (sooner when the browser says it is back online), and starts with a
 * fresh snapshot, so nothing published or withdrawn meanwhile is missed.
 */
export function followPublishedScripts(): () => void {
  let applying: Promise<unknown> = Promise.resolve();
  const inOrder = (work: () => Promise<unknown>) => {
    applying = applying.then(work).catch((error: unknown) => {
      console.error('Rove could not apply a scripts event', error);
    });
  };
  return keepStreamOpen<ScriptsStreamEvent>({
    path: SCRIPTS_STREAM_PATH,
    open() {},
    event(event) {
      if (event.name === 'snapshot') {
        const scripts = event.data?.scripts;
        if (Array.isArray(scripts)) inOrder(() => replaceScripts(scripts.filter(looksLikeScript)));
      } else if (event.name === 'script') {
        const data = event.data;
        inOrder(() => applyScriptEvent(data));
      }
    },
  });
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
