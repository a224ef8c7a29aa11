// The busy-and-error state of a screen's async actions (save, load, sign in), as one Lit reactive
// controller rather than a copy in every element: `busy` while one runs (buttons disable), and
// `error`, one sentence for the person, when it failed. The host says how to word a failure.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Words for a failure of `doing` ("save the topic"), or undefined to say nothing (handled). */
export type Explain = (error: unknown, doing: string) => string | undefined;

export class AsyncAction implements ReactiveController {
  busy = false;
  error = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly explain: Explain,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * Runs `work` unless one is already running; a failure becomes `error` (in `explain`'s words,
   * or `override`'s when it has some). Answers whether `work` succeeded.
   */
  async run(doing: string, work: () => Promise<unknown>, override?: Explain): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = '';
    this.host.requestUpdate();
    try {
      await work();
      return true;
    } catch (error) {
      this.error = override?.(error, doing) ?? this.explain(error, doing) ?? '';
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
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
