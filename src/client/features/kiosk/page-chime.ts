// A page from a rover gets the patron's attention across the lobby: a soft two-note chime,
// falling like a doorbell so it is not mistaken for a tablet's beep. Browsers let a page sound
// only after a touch: the kiosk's first tap (Ask me, or any other) unlocks it; a kiosk browser
// started with autoplay allowed needs none.
import { playTones, unlockAudio } from '../../ui/tones.js';

/** Call from a touch so a later chime is allowed. */
export function unlockChime(): void {
  unlockAudio();
}

/** Ding-dong, twice. A kiosk that cannot sound still shows the page full screen. */
export function chime(): void {
  const context = unlockAudio();
  if (!context) return;
  try {
    playTones(
      context,
      [0, 1.4].flatMap((at) => [[784, at, 0.6] as const, [523, at + 0.45, 0.9] as const]),
      0.3,
    );
  } catch {
    // No sound here: the screen says it.
  }
}
