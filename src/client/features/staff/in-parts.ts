// The signed-in tablet screen, shown in parts after the first paint (only the staff screen does
// this, so it stays off the other screens' first load).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterPaint } from '../../core/first-paint.js';

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
