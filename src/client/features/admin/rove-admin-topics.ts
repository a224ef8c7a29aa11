// <rove-admin-topics>: a branch's kiosk topics in display order: add, edit (rename, skill,
// icon), hide/show, and reorder with Move up / Move down buttons (no dragging needed).
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { addTopic, listBranches, listSkills, listTopics, reorderTopics } from './admin-api.js';
import type { Branch, Skill, Topic } from '../../../shared/schemas.js';
import './rove-admin-branch-form.js';
import './rove-admin-branch-desk.js';
import './rove-admin-branch-zones.js';
import './rove-admin-branch-alert.js';
import './rove-admin-topic-row.js';
import type { RoveAdminTopicRow } from './rove-admin-topic-row.js';
import { adminStyles } from './admin.styles.js';
import { leaveIfSignedOut, sayAdminError } from './admin-errors.js';
import { iconChoices } from './topic-icons.js';

@customElement('rove-admin-topics')
export class RoveAdminTopics extends LitElement {
  static override styles = adminStyles;

  @state() private _branches: Branch[] = [];
  @state() private _skills: Skill[] = [];
  @state() private _branchId = '';
  @state() private _topics: Topic[] = [];
  @state() private _loading = true;
  @state() private _listError = '';
  @state() private _addError = '';
  @state() private _notice = '';
  @state() private _moving = false;
  @state() private _busy = false;

  override connectedCallback() {
    super.connectedCallback();
    void this._loadChoices();
  }

  override render() {
    const branch = this._branches.find((b) => b.id === this._branchId);
    return html`
      <h2>Topics</h2>
      <div class="field">
        <label for="branch">Branch</label>
        <select id="branch" @change=${this._chooseBranch}>
          ${this._branches.map(
            (b) =>
              html`<option value=${b.id} ?selected=${b.id === this._branchId}>${b.name}</option>`,
          )}
        </select>
      </div>
      <rove-admin-branch-desk
        .branch=${branch}
        @branch-changed=${this._onBranchChanged}
      ></rove-admin-branch-desk>
      <rove-admin-branch-zones
        .branch=${branch}
        @branch-changed=${this._onBranchChanged}
      ></rove-admin-branch-zones>
      <rove-admin-branch-alert
        .branch=${branch}
        @branch-changed=${this._onBranchChanged}
      ></rove-admin-branch-alert>
      <section class="panel" aria-labelledby="order-heading">
        <h3 id="order-heading">What the kiosk offers, in order</h3>
        <p role="status">${this._notice}</p>
        ${this._listError ? html`<p class="error" role="alert">${this._listError}</p>` : ''}
        ${this._renderList()}
      </section>
      ${this._renderAdd()}
      <rove-admin-branch-form @branch-added=${this._onBranchAdded}></rove-admin-branch-form>
    `;
  }

  private _renderList() {
    if (this._loading) return html`<p>Loading topics…</p>`;
    if (!this._topics.length) return html`<p>This branch has no topics yet.</p>`;
    const last = this._topics.length - 1;
    return html`<ul class="plain" aria-label="Topics">
      ${repeat(
        this._topics,
        (topic) => topic.id,
        (topic, index) =>
          html`<li>
            <rove-admin-topic-row
              data-topic=${topic.id}
              .topic=${topic}
              .skills=${this._skills}
              ?first=${index === 0}
              ?last=${index === last}
              ?moving=${this._moving}
              @topic-move=${this._move}
              @topic-updated=${this._onUpdated}
            ></rove-admin-topic-row>
          </li>`,
      )}
    </ul>`;
  }

  private _renderAdd() {
    return html`<form class="panel" @submit=${this._add} novalidate>
      <h3>Add a topic</h3>
      ${this._addError ? html`<p class="error" role="alert">${this._addError}</p>` : ''}
      <div class="field">
        <label for="new-label"
          >Label <span class="hint">What patrons see, for example "Printing"</span></label
        >
        <input id="new-label" name="label" maxlength="60" />
      </div>
      <div class="field">
        <label for="new-skill">Skill that answers it</label>
        <select id="new-skill" name="skill">
          ${this._skills.map((s) => html`<option value=${s.id}>${s.label}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="new-icon">Icon</label>
        <select id="new-icon" name="icon">
          ${iconChoices().map((i) => html`<option value=${i.id}>${i.label}</option>`)}
        </select>
      </div>
      <button class="primary" type="submit" ?disabled=${this._busy || !this._branchId}>
        Add topic
      </button>
    </form>`;
  }

  private async _loadChoices() {
    try {
      const [branches, skills] = await Promise.all([listBranches(), listSkills()]);
      this._branches = branches;
      this._skills = skills;
      this._branchId = branches[0]?.id ?? '';
      await this._loadTopics();
    } catch (error) {
      this._failed(error, 'load the branches and skills');
      this._loading = false;
    }
  }

  private async _loadTopics() {
    this._loading = true;
    this._listError = '';
    try {
      this._topics = this._branchId ? await listTopics(this._branchId) : [];
    } catch (error) {
      this._failed(error, 'load the topics');
    } finally {
      this._loading = false;
    }
  }

  private _chooseBranch(event: Event) {
    this._branchId = (event.target as HTMLSelectElement).value;
    this._notice = '';
    void this._loadTopics();
  }

  private async _move(event: CustomEvent<{ topicId: string; by: -1 | 1 }>) {
    const { topicId, by } = event.detail;
    const from = this._topics.findIndex((t) => t.id === topicId);
    const to = from + by;
    const moved = this._topics[from];
    if (from < 0 || to < 0 || to >= this._topics.length || !moved) return;
    const order = [...this._topics];
    order.splice(from, 1);
    order.splice(to, 0, moved);
    this._moving = true;
    this._listError = '';
    try {
      this._topics = await reorderTopics(
        this._branchId,
        order.map((t) => t.id),
      );
      this._notice = `${moved.label} moved to position ${to + 1} of ${order.length}.`;
    } catch (error) {
      this._failed(error, `move “${moved.label}”`);
      void this._loadTopics();
    } finally {
      this._moving = false;
    }
    await this.updateComplete;
    const row = this.renderRoot.querySelector<RoveAdminTopicRow>(
      `rove-admin-topic-row[data-topic="${CSS.escape(topicId)}"]`,
    );
    await row?.focusMove(by);
  }

  private _onBranchChanged(event: CustomEvent<Branch>) {
    const changed = event.detail;
    this._branches = this._branches.map((b) => (b.id === changed.id ? changed : b));
  }

  private _onBranchAdded(event: CustomEvent<Branch>) {
    this._branches = [...this._branches, event.detail];
    this._branchId = event.detail.id;
    this._notice = `Showing the topics of ${event.detail.name}.`;
    void this._loadTopics();
  }

  private _onUpdated(event: CustomEvent<Topic>) {
    const changed = event.detail;
    this._topics = this._topics.map((t) => (t.id === changed.id ? changed : t));
    this._notice = changed.hidden
      ? `${changed.label} is saved and hidden from the kiosk.`
      : `${changed.label} is saved.`;
  }

  private async _add(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const label = String(data.get('label') ?? '').trim();
    const skill = String(data.get('skill') ?? '');
    const icon = String(data.get('icon') ?? '');
    if (!label) {
      this._addError = 'Please give the new topic a label.';
      return;
    }
    if (!skill) {
      this._addError = 'Please choose the skill that answers this topic.';
      return;
    }
    this._busy = true;
    this._addError = '';
    try {
      const topic = await addTopic(this._branchId, { label, skill, icon });
      this._topics = [...this._topics, topic];
      this._notice = `${topic.label} is added at the end of the list.`;
      form.reset();
    } catch (error) {
      if (leaveIfSignedOut(this, error)) return;
      this._addError = sayAdminError(error, `add “${label}”`);
    } finally {
      this._busy = false;
    }
  }

  private _failed(error: unknown, doing: string) {
    if (leaveIfSignedOut(this, error)) return;
    this._listError = sayAdminError(error, doing);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-topics': RoveAdminTopics;
  }
}
