// The busy-and-error state of a screen's async actions (save, load, sign in), as one Lit reactive
// controller rather than a copy in every element: `busy` while one runs (buttons disable), and
// `error`, one sentence for the person, when it failed. The host says how to word a failure.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Words for a failure of `doing` ("save the topic"), or undefined to say nothing (handled). */
export type Explain = (error: unknown, doing: string) => string | undefined;

export interface AsyncActionOptions {
  /**
   * A run while one is going starts anyway and replaces it (a report asked for again with other
   * days): `busy` lasts until the newest run ends, only its outcome counts, and the replaced
   * run's signal aborts; so does the running one's when the host leaves the page.
   */
  latest?: boolean;
}

export class AsyncAction implements ReactiveController {
  busy = false;
  error = '';

  private _running?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly explain: Explain,
    private readonly options: AsyncActionOptions = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    if (this.options.latest) this._running?.abort();
  }

  /**
   * Runs `work` unless one is already running (with `latest`, replacing it); a failure becomes
   * `error` (in `explain`'s words, or `override`'s when it has some). `work` gets a signal that
   * aborts when a `latest` run is replaced. Answers whether `work` succeeded and counted.
   */
  async run(
    doing: string,
    work: (signal: AbortSignal) => Promise<unknown>,
    override?: Explain,
  ): Promise<boolean> {
    if (this.busy && !this.options.latest) return false;
    this._running?.abort();
    const mine = (this._running = new AbortController());
    this.busy = true;
    this.error = '';
    this.host.requestUpdate();
    try {
      await work(mine.signal);
      return !mine.signal.aborted;
    } catch (error) {
      if (!mine.signal.aborted)
        this.error = override?.(error, doing) ?? this.explain(error, doing) ?? '';
      return false;
    } finally {
      if (this._running === mine) {
        this._running = undefined;
        this.busy = false;
        this.host.requestUpdate();
      }
    }
  }

  /**
   * Says why `doing` failed, in the words a failed run would use, without a run: for work that
   * goes beside the screen's actions and must not wait for them or block them (a list that
   * loads or refreshes itself). The same failure again leaves the same words, so an alert that
   * is already on screen is not announced again.
   */
  fail(error: unknown, doing: string): void {
    this.error = this.explain(error, doing) ?? '';
    this.host.requestUpdate();
  }

  /** Shows `message` as the error (a form checked before asking the server); '' clears it. */
  say(message: string): void {
    this.error = message;
    this.host.requestUpdate();
  }
}
