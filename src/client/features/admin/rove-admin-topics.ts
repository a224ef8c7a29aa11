// <rove-admin-topics>: a branch's kiosk topics in display order: add, edit (rename, label in
// each of the branch's languages, skill, icon), hide/show, and reorder with Move up / Move down
// buttons (no dragging needed). Also the branch's desk, zones, alert, time zone and kiosk
// languages.
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { addTopic, listBranches, listSkills, listTopics, reorderTopics } from './admin-api.js';
import type { Branch, Skill, Topic } from '../../../shared/schemas.js';
import './rove-admin-branch-form.js';
import './rove-admin-branch-desk.js';
import './rove-admin-branch-zones.js';
import './rove-admin-branch-alert.js';
import './rove-admin-branch-time-zone.js';
import './rove-admin-branch-languages.js';
import './rove-admin-topic-row.js';
import type { RoveAdminTopicRow } from './rove-admin-topic-row.js';
import { adminStyles } from './admin.styles.js';
import { adminAction } from './admin-errors.js';
import { iconChoices } from './topic-icons.js';
import { skillChoices } from './skill-choices.js';
import { labelFields, otherLanguages, readLabels } from './branch-languages.js';
import { msg, str } from '../../core/locale/msg.js';

@customElement('rove-admin-topics')
export class RoveAdminTopics extends LitElement {
  static override styles = adminStyles;

  @state() private _branches: Branch[] = [];
  @state() private _skills: Skill[] = [];
  @state() private _branchId = '';
  /** The chosen branch's topics in order; undefined while they load. */
  @state() private _topics?: Topic[];
  @state() private _notice = '';
  /**
   * Moving a topic: busy while it goes. Its error is the list's one alert, also where the
   * branches, skills and topics say they could not be loaded.
   */
  private readonly _list = adminAction(this);
  /** Adding a topic: busy while it goes, and why it failed. */
  private readonly _adding = adminAction(this);

  override connectedCallback() {
    super.connectedCallback();
    void this._loadChoices();
  }

  override render() {
    const branch = this._branches.find((b) => b.id === this._branchId);
    return html`
      <h2>${msg('Topics')}</h2>
      <div class="field">
        <label for="branch">${msg('Branch')}</label>
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
      <rove-admin-branch-time-zone
        .branch=${branch}
        @branch-changed=${this._onBranchChanged}
      ></rove-admin-branch-time-zone>
      <rove-admin-branch-languages
        .branch=${branch}
        @branch-changed=${this._onBranchChanged}
      ></rove-admin-branch-languages>
      <section class="panel" aria-labelledby="order-heading">
        <h3 id="order-heading">${msg('What the kiosk offers, in order')}</h3>
        <p role="status">${this._notice}</p>
        ${this._list.error ? html`<p class="error" role="alert">${this._list.error}</p>` : ''}
        ${this._renderList()}
      </section>
      ${this._renderAdd(otherLanguages(branch?.languages))}
      <rove-admin-branch-form @branch-added=${this._onBranchAdded}></rove-admin-branch-form>
    `;
  }

  private _renderList() {
    const topics = this._topics;
    if (!topics) return html`<p>${msg('Loading topics…')}</p>`;
    if (!topics.length) return html`<p>${msg('This branch has no topics yet.')}</p>`;
    const last = topics.length - 1;
    return html`<ul class="plain" aria-label=${msg('Topics')}>
      ${repeat(
        topics,
        (topic) => topic.id,
        (topic, index) =>
          html`<li>
            <rove-admin-topic-row
              data-topic=${topic.id}
              .topic=${topic}
              .skills=${this._skills}
              .languages=${otherLanguages(this._branch()?.languages)}
              ?first=${index === 0}
              ?last=${index === last}
              ?moving=${this._list.busy}
              @topic-move=${this._move}
              @topic-updated=${this._onUpdated}
            ></rove-admin-topic-row>
          </li>`,
      )}
    </ul>`;
  }

  private _branch(): Branch | undefined {
    return this._branches.find((b) => b.id === this._branchId);
  }

  private _renderAdd(languages: string[]) {
    return html`<form class="panel" @submit=${this._add} novalidate>
      <h3>${msg('Add a topic')}</h3>
      ${this._adding.error ? html`<p class="error" role="alert">${this._adding.error}</p>` : ''}
      <div class="field">
        <label for="new-label"
          >${msg('Label')}
          <span class="hint">${msg('What patrons see, for example "Printing"')}</span></label
        >
        <input id="new-label" name="label" maxlength="60" />
      </div>
      <div class="field">
        <label for="new-skill">${msg('Skill that answers it')}</label>
        <select id="new-skill" name="skill">
          ${skillChoices(this._skills).map((s) => html`<option value=${s.id}>${s.label}</option>`)}
        </select>
      </div>
      ${labelFields('new', languages)}
      <div class="field">
        <label for="new-icon">${msg('Icon')}</label>
        <select id="new-icon" name="icon">
          ${iconChoices().map((i) => html`<option value=${i.id}>${i.label}</option>`)}
        </select>
      </div>
      <button class="primary" type="submit" ?disabled=${this._adding.busy || !this._branchId}>
        ${msg('Add topic')}
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
      this._list.fail(error, msg('load the branches and skills'));
      this._topics ??= [];
    }
  }

  /** Loads the chosen branch's topics, beside any move (it neither waits for one nor blocks one). */
  private async _loadTopics() {
    const branchId = this._branchId;
    const before = this._topics;
    this._topics = undefined;
    this._list.say('');
    let topics = before ?? [];
    try {
      topics = branchId ? await listTopics(branchId) : [];
    } catch (error) {
      this._list.fail(error, msg('load the topics'));
    }
    // Another branch chosen meanwhile: its own load shows its topics.
    if (branchId === this._branchId) this._topics = topics;
  }

  private _chooseBranch(event: Event) {
    this._branchId = (event.target as HTMLSelectElement).value;
    this._notice = '';
    void this._loadTopics();
  }

  private async _move(event: CustomEvent<{ topicId: string; by: -1 | 1 }>) {
    const { topicId, by } = event.detail;
    const topics = this._topics ?? [];
    const from = topics.findIndex((t) => t.id === topicId);
    const to = from + by;
    const moved = topics[from];
    if (from < 0 || to < 0 || to >= topics.length || !moved) return;
    const order = [...topics];
    order.splice(from, 1);
    order.splice(to, 0, moved);
    const name = moved.label;
    const position = to + 1;
    const total = order.length;
    await this._list.run(msg(str`move “${name}”`), async () => {
      try {
        this._topics = await reorderTopics(
          this._branchId,
          order.map((t) => t.id),
        );
      } catch (error) {
        // Show the order as the server has it; the run then says why the move did not happen.
        void this._loadTopics();
        throw error;
      }
      this._notice = msg(str`${name} moved to position ${position} of ${total}.`);
    });
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
    this._notice = msg(str`Showing the topics of ${event.detail.name}.`);
    void this._loadTopics();
  }

  private _onUpdated(event: CustomEvent<Topic>) {
    const changed = event.detail;
    this._topics = this._topics?.map((t) => (t.id === changed.id ? changed : t));
    const label = changed.label;
    this._notice = changed.hidden
      ? msg(str`${label} is saved and hidden from the kiosk.`)
      : msg(str`${label} is saved.`);
  }

  private async _add(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const label = String(data.get('label') ?? '').trim();
    const skill = String(data.get('skill') ?? '');
    const icon = String(data.get('icon') ?? '');
    const languages = otherLanguages(this._branch()?.languages);
    const labels = languages.length ? readLabels(data, languages) : undefined;
    if (!label) {
      this._adding.say(msg('Please give the new topic a label.'));
      return;
    }
    if (!skill) {
      this._adding.say(msg('Please choose the skill that answers this topic.'));
      return;
    }
    await this._adding.run(msg(str`add “${label}”`), async () => {
      const topic = await addTopic(this._branchId, {
        label,
        skill,
        icon,
        ...(labels && { labels }),
      });
      this._topics = [...(this._topics ?? []), topic];
      const added = topic.label;
      this._notice = msg(str`${added} is added at the end of the list.`);
      form.reset();
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-topics': RoveAdminTopics;
  }
}
