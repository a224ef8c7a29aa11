// <rove-admin-topic-row>: one topic in a branch's list: Move up / Move down, Edit (label, its
// label in each of the branch's other languages, skill, icon) and Hide / Show. Saves its own edits and fires `topic-updated` (detail: Topic);
// moving is the list's job, so it fires `topic-move` (detail: {topicId, by: -1 | 1}).
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { updateTopic, type TopicChanges } from './admin-api.js';
import type { Skill, Topic } from '../../../shared/schemas.js';
import { adminListEntryStyles, adminStyles } from './admin.styles.js';
import { adminAction } from './admin-errors.js';
import { skillLabel } from './admin-format.js';
import { iconChoices } from './topic-icons.js';
import { skillChoices } from './skill-choices.js';
import { labelFields, readLabels } from './branch-languages.js';
import { ownLanguageName } from '../../ui/walk-up/walk-up-format.js';
import '../../ui/rove-topic-icon.js';
import { palette } from '../../ui/tokens.js';
import { msg, str } from '../../core/locale/msg.js';

@customElement('rove-admin-topic-row')
export class RoveAdminTopicRow extends LitElement {
  static override styles = [
    adminStyles,
    adminListEntryStyles,
    css`
      .label {
        display: flex;
        align-items: center;
        gap: 0.6rem;
        font-weight: 700;
        font-size: 1.15rem;
      }
      rove-topic-icon {
        color: ${palette.primary};
        width: 2rem;
        height: 2rem;
      }
    `,
  ];

  /** The topic shown. */
  @property({ attribute: false }) topic!: Topic;
  /** Every skill (retired ones too: the topic may hold one). */
  @property({ attribute: false }) skills: Skill[] = [];
  /** The branch's languages besides its default: a label field for each. */
  @property({ attribute: false }) languages: string[] = [];
  /** First in the list: no Move up. */
  @property({ type: Boolean }) first = false;
  /** Last in the list: no Move down. */
  @property({ type: Boolean }) last = false;
  /** True while the list is saving a new order. */
  @property({ type: Boolean }) moving = false;

  @state() private _editing = false;
  private readonly _action = adminAction(this);

  override render() {
    const t = this.topic;
    if (!t) return html``;
    const skill = skillLabel(this.skills, t.skill);
    const icon = iconLabel(t.icon);
    return html`
      <div class="label">
        <rove-topic-icon name=${t.icon}></rove-topic-icon>
        ${t.label}
        ${t.hidden ? html`<span class="out-of-use">${msg('(hidden from the kiosk)')}</span>` : ''}
      </div>
      <div>${msg(str`Goes to: ${skill}. Icon: ${icon}.`)}</div>
      ${this._renderTranslations(t)}
      ${this._action.error ? html`<p class="error" role="alert">${this._action.error}</p>` : ''}
      ${this._editing ? this._renderEdit(t) : this._renderButtons(t)}
    `;
  }

  /** Put focus back on a Move button after the list re-ordered (or its neighbour if gone). */
  async focusMove(by: -1 | 1) {
    await this.updateComplete;
    const wanted = this.renderRoot.querySelector<HTMLButtonElement>(by < 0 ? '.up' : '.down');
    const other = this.renderRoot.querySelector<HTMLButtonElement>(by < 0 ? '.down' : '.up');
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  }

  private _renderButtons(t: Topic) {
    const name = t.label;
    return html`<div class="row">
      <button
        type="button"
        class="up"
        ?disabled=${this.first || this.moving}
        @click=${() => this._move(-1)}
      >
        ${msg(html`Move <span class="visually-hidden">${name}</span> up`)}
      </button>
      <button
        type="button"
        class="down"
        ?disabled=${this.last || this.moving}
        @click=${() => this._move(1)}
      >
        ${msg(html`Move <span class="visually-hidden">${name}</span> down`)}
      </button>
      <button type="button" @click=${this._openEdit}>
        ${msg(html`Edit <span class="visually-hidden">${name}</span>`)}
      </button>
      <button type="button" ?disabled=${this._action.busy} @click=${this._toggleHidden}>
        ${
          t.hidden
            ? msg(html`Show <span class="visually-hidden">${name}</span>`)
            : msg(html`Hide <span class="visually-hidden">${name}</span>`)
        }
      </button>
    </div>`;
  }

  /** "In other languages: Español “Historia familiar” · العربية: none yet". */
  private _renderTranslations(t: Topic) {
    if (!this.languages.length) return html``;
    const each = this.languages.map((tag, i) => {
      const label = t.labels?.[tag];
      const language = ownLanguageName(tag);
      return html`${i ? ' · ' : ''}${
        label
          ? msg(
              html`<span lang=${tag}>${language}</span>:
                <span lang=${tag} dir="auto">“${label}”</span>`,
            )
          : msg(html`<span lang=${tag}>${language}</span>: none yet`)
      }`;
    });
    return html`<div>${msg(html`In other languages: ${each}`)}</div>`;
  }

  private _renderEdit(t: Topic) {
    return html`<form
      class="panel"
      aria-label=${msg(str`Edit ${t.label}`)}
      @submit=${this._saveEdit}
      novalidate
    >
      <div class="field">
        <label for="label-${t.id}"
          >${msg('Label')} <span class="hint">${msg('What patrons see on the kiosk')}</span></label
        >
        <input id="label-${t.id}" name="label" maxlength="60" .value=${t.label} />
      </div>
      <div class="field">
        <label for="skill-${t.id}">${msg('Skill that answers it')}</label>
        <select id="skill-${t.id}" name="skill">
          ${skillChoices(this.skills, [t.skill]).map(
            (s) => html`<option value=${s.id} ?selected=${s.id === t.skill}>${s.label}</option>`,
          )}
        </select>
      </div>
      ${labelFields(`topic-${t.id}`, this.languages, t.labels)}
      <div class="field">
        <label for="icon-${t.id}">${msg('Icon')}</label>
        <select id="icon-${t.id}" name="icon">
          ${iconChoices(t.icon).map(
            (i) => html`<option value=${i.id} ?selected=${i.id === t.icon}>${i.label}</option>`,
          )}
        </select>
      </div>
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this._action.busy}>
          ${msg('Save topic')}
        </button>
        <button type="button" @click=${this._closeEdit}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }

  private _move(by: -1 | 1) {
    this.dispatchEvent(
      new CustomEvent('topic-move', { detail: { topicId: this.topic.id, by }, bubbles: true }),
    );
  }

  private async _openEdit() {
    this._editing = true;
    this._action.say('');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input[name="label"]')?.focus();
  }

  private _closeEdit() {
    this._editing = false;
    this._action.say('');
  }

  private _saveEdit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const label = String(data.get('label') ?? '').trim();
    if (!label) {
      this._action.say(msg('Please give the topic a label.'));
      return;
    }
    const skill = String(data.get('skill') ?? this.topic.skill);
    const icon = String(data.get('icon') ?? this.topic.icon);
    const changes: TopicChanges = { label, skill, icon };
    if (this.languages.length) changes.labels = readLabels(data, this.languages, this.topic.labels);
    void this._save(changes);
  }

  private _toggleHidden() {
    void this._save({ hidden: !this.topic.hidden });
  }

  private async _save(changes: TopicChanges) {
    const label = this.topic.label;
    await this._action.run(msg(str`save “${label}”`), async () => {
      const topic = await updateTopic(this.topic.branchId, this.topic.id, changes);
      this.topic = topic;
      this._editing = false;
      this.dispatchEvent(new CustomEvent('topic-updated', { detail: topic, bubbles: true }));
    });
  }
}

function iconLabel(id: string): string {
  return iconChoices(id).find((icon) => icon.id === id)?.label ?? id;
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-admin-topic-row': RoveAdminTopicRow;
  }
}
