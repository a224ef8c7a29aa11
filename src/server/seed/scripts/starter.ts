// What a starter script is, and the shorthand its steps are written in.
import type { ScriptContent } from '../../../shared/scripts.js';

export interface StarterScript extends ScriptContent {
  id: string;
}

/** One step: what to do, then the short things a greeter might say aloud. */
export const step = (text: string, ...phrases: string[]) => ({ text, phrases });

/** A step that also offers "Send for a specialist" on a signed-in tablet. */
export const handOffStep = (text: string, ...phrases: string[]) => ({
  text,
  phrases,
  offer: 'hand-off' as const,
});
