// The one way Rove makes a sound: soft sine tones through WebAudio, on one AudioContext per page.
// Browsers let a page sound only after a touch, so a screen unlocks sound from its first tap
// (the kiosk's Ask me, a rover's Sign in). The kiosk's page chime and the tablet's alerts each
// choose their own notes; a device that cannot sound still shows and announces everything.
let audio: AudioContext | undefined;

/** One note: its pitch in Hz, when it starts (seconds from now) and how long it lasts. */
export type Tone = readonly [hz: number, at: number, length: number];

/** Makes (or wakes) the page's AudioContext; call from a touch. Undefined where there is none. */
export function unlockAudio(): AudioContext | undefined {
  try {
    audio ??= new AudioContext();
    if (audio.state !== 'running') void audio.resume();
    return audio;
  } catch {
    audio = undefined;
    return undefined;
  }
}

/** The page's AudioContext when it may sound right now, else undefined. */
export function runningAudio(): AudioContext | undefined {
  return audio?.state === 'running' ? audio : undefined;
}

/** Plays `tones` on `context`, each rising quickly to `peak` loudness (0..1) and fading out. */
export function playTones(context: AudioContext, tones: readonly Tone[], peak: number): void {
  for (const [hz, at, length] of tones) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    const start = context.currentTime + at;
    oscillator.type = 'sine';
    oscillator.frequency.value = hz;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(peak, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + length);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start);
    oscillator.stop(start + length + 0.05);
  }
}
