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

/**
 * A screen shown in parts, each rendered in a task of its own once the part before it has been
 * painted: `shown` is how many parts are on screen (from 1 to `total`). Rendering a whole
 * signed-in tablet screen at once was one task of 100 ms on a tablet-class CPU (Lit preparing
 * each template the first time, then style and layout): too long for a tap to get through.
 * Parts go top to bottom, so a later one only adds below what is painted and nothing moves.
 * Counting starts when `active()` first holds after an update (the screen's data is read).
 */
export class InParts implements ReactiveController {
  shown = 1;
  private _waiting = false;

  constructor(
    private readonly _host: ReactiveControllerHost,
    readonly total: number,
    private readonly _active: () => boolean,
  ) {
    _host.addController(this);
  }

  /** Every part is on screen. */
  get all(): boolean {
    return this.shown >= this.total;
  }

  hostUpdated(): void {
    if (this.all || this._waiting || !this._active()) return;
    this._waiting = true;
    void afterPaint().then(() => {
      this._waiting = false;
      this.shown += 1;
      this._host.requestUpdate();
    });
  }
}
