// A buzz where the device can, and only once the page has been tapped: before any tap, Chrome
// blocks `navigator.vibrate` and logs an intervention in the console (a tablet restarted into
// its queue, a follow page opened from a link), which Lighthouse counts against best practices.

/** Vibrates `pattern` if this device can and the user has interacted with the page. */
export function buzz(pattern: number | number[]): void {
  // Not every device can (an iPhone's Safari has no vibrate, nor userActivation before 16.4):
  // without the user-activation API, the call is left to the browser's own rule, as before.
  if (!('vibrate' in navigator)) return;
  if (navigator.userActivation && !navigator.userActivation.hasBeenActive) return;
  try {
    navigator.vibrate(pattern);
  } catch {
    // ignored: vibration is a nicety, the screen says it too
  }
}
