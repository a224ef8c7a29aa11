// A new request gets a rover's attention: a short soft beep (WebAudio), a buzz where the
// tablet can, and words for the screen reader. Sound needs a tap first (browsers' autoplay
// rule); sign-in is that tap.
import { topicLabel } from '../../components/request-format.js';
import type { PendingView } from '../../db/pending.js';
import type { HelpRequest } from '../../../shared/schemas.js';

let audio: AudioContext | undefined;

/** Call from a tap (e.g. Sign in) so later beeps are allowed. */
export function unlockSound(): void {
  try {
    audio ??= new AudioContext();
    void audio.resume();
  } catch {
    audio = undefined;
  }
}

export function alertNewRequest(): void {
  try {
    if (audio && audio.state === 'running') {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, audio.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.2, audio.currentTime + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.25);
      tone.connect(gain).connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.3);
    }
    if ('vibrate' in navigator) navigator.vibrate(150);
  } catch {
    // A device that cannot beep still shows and announces the request.
  }
}

/**
 * The waiting requests in `queue` whose id is not in `seen`, oldest first; `seen` then holds
 * every id in `queue`, so each request is new once.
 */
export function newArrivals(queue: readonly PendingView[], seen: Set<string>): HelpRequest[] {
  const fresh = queue
    .map((v) => v.request)
    .filter((request) => request.status === 'waiting' && !seen.has(request.id));
  for (const v of queue) seen.add(v.request.id);
  return fresh;
}

/**
 * "New request A1: Computers, phones and printing." for each arrival; "New request A1." when
 * the tablet does not hold that topic's label (yet), never its id.
 */
export function arrivalWords(
  arrivals: readonly HelpRequest[],
  topics: readonly { id: string; label: string }[],
): string {
  return arrivals
    .map((request) => {
      const label = topicLabel(request.topicId, topics);
      return label ? `New request ${request.ticket}: ${label}.` : `New request ${request.ticket}.`;
    })
    .join(' ');
}
