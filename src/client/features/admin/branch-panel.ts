// What every panel of a branch's settings shares (its service desk, long-wait alert, time
// zone, languages, zones): the branch it edits, a busy-and-error action, a notice of what was
// saved, both cleared when another branch is chosen, and the save itself, which fires
// `branch-changed` (detail: the branch as saved) so the other panels and the list take it in.
import { LitElement, type CSSResultGroup } from 'lit';
import { property, state } from 'lit/decorators.js';
import { updateBranch, type BranchChanges } from './admin-api.js';
import type { Branch } from '../../../shared/schemas.js';
import { adminStyles } from './admin.styles.js';
import { adminAction } from './admin-errors.js';

export abstract class BranchPanel extends LitElement {
  static override styles: CSSResultGroup = adminStyles;

  /** The branch being edited. */
  @property({ attribute: false }) branch?: Branch;

  /** What the last save did, in words; '' when there is nothing to say. */
  @state() protected _notice = '';
  protected readonly _action = adminAction(this);

  override willUpdate(changed: Map<string, unknown>) {
    if (!changed.has('branch')) return;
    const before = changed.get('branch') as Branch | undefined;
    const other = before?.id !== this.branch?.id;
    if (other) {
      this._notice = '';
      this._action.say('');
    }
    this.branchArrived(other);
  }

  /**
   * A branch object came: another branch (`other`), or a new copy of this one after a save here
   * or in another panel (a panel keeps its unsaved draft then).
   */
  protected branchArrived(_other: boolean): void {}

  /** Saves `changes` as `doing` ("save the zones"); `said` words the notice from the result. */
  protected async saveBranch(
    doing: string,
    changes: BranchChanges,
    said: (saved: Branch) => string,
  ): Promise<void> {
    const branch = this.branch;
    if (!branch) return;
    this._notice = '';
    await this._action.run(doing, async () => {
      const saved = await updateBranch(branch.id, changes);
      this._notice = said(saved);
      this.dispatchEvent(new CustomEvent('branch-changed', { detail: saved, bubbles: true }));
    });
  }
}
