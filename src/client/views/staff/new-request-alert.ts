// A new request gets a rover's attention: a short soft beep (WebAudio) and a buzz where the
// tablet can. Sound needs a tap first (browsers' autoplay rule); sign-in is that tap.

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
