// Work that can wait until a screen's first screenful is on the glass: the sync engine's stream,
// the reference data it fetches and the renders its snapshot sets off. Measured with Lighthouse
// (mobile) on the tablet, that work started while the screen was still reading its replica and
// pushed the first full paint (the largest contentful paint) behind it.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Resolves once the frame after now has been painted: a task after the next animation frame.
 * A hidden page gets no frames, so a timer resolves it there (and if the page hides meanwhile).
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const later = () => setTimeout(resolve, 0);
    if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') {
      requestAnimationFrame(later);
      setTimeout(resolve, FRAME_FALLBACK_MS);
    } else later();
  });
}

/** How long `afterPaint` waits for a frame that does not come (the page was hidden). */
const FRAME_FALLBACK_MS = 250;

/**
 * `painted` resolves once `host` has rendered with `ready()` true (its first real screenful, not
 * a "Loading" line) and that frame has been painted. It resolves once and stays resolved.
 */
export class FirstScreen implements ReactiveController {
  readonly painted: Promise<void>;
  private _resolve!: () => void;
  private _seen = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly _ready: () => boolean,
  ) {
    this.painted = new Promise((resolve) => (this._resolve = resolve));
    host.addController(this);
  }

  hostUpdated(): void {
    if (this._seen || !this._ready()) return;
    this._seen = true;
    void afterPaint().then(this._resolve);
  }
}
