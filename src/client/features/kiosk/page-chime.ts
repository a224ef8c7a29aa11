// A page from a rover gets the patron's attention across the lobby: a soft two-note chime
// (WebAudio, as the staff tablet's alerts), falling like a doorbell so it is not mistaken for
// a tablet's beep. Browsers let a page sound only after a touch: the kiosk's first tap (Ask me,
// or any other) unlocks it; a kiosk browser started with autoplay allowed needs none.
let audio: AudioContext | undefined;

/** Call from a touch so a later chime is allowed. */
export function unlockChime(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state !== 'running') void audio.resume();
  } catch {
    audio = undefined;
  }
}

function tone(context: AudioContext, hz: number, at: number, length: number): void {
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  const start = context.currentTime + at;
  oscillator.type = 'sine';
  oscillator.frequency.value = hz;
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.3, start + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + length);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start(start);
  oscillator.stop(start + length + 0.05);
}

/** Ding-dong, twice. A kiosk that cannot sound still shows the page full screen. */
export function chime(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state !== 'running') void audio.resume();
    for (const at of [0, 1.4]) {
      tone(audio, 784, at, 0.6);
      tone(audio, 523, at + 0.45, 0.9);
    }
  } catch {
    // No sound here: the screen says it.
  }
}
