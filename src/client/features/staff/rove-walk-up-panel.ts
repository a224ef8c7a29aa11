// <rove-walk-up-panel>: on the rover's tablet, for the patron in front of them: Send for a
// specialist, Take it myself, or I helped someone (two taps, with Undo); then what this person
// sent, with who is coming. Everything goes through the outbox (db/walk-ups.ts), so it works
// offline and is sent only under this person's session.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controls, formParts, tokens } from '../../ui/shared.styles.js';
import { LiveQueryController } from '../../core/db/live-query.js';
import {
  UNDO_MS,
  cancelWalkUp,
  queueInteraction,
  queueWalkUp,
  readHelpedChoices,
  readRecentZones,
  readSentWalkUps,
  rememberHelpedChoices,
  rememberZone,
  undoInteraction,
  type HelpedChoices,
  type SentWalkUp,
  type WalkUpFields,
} from '../../core/db/walk-ups.js';
import { outcomeLabel } from '../../ui/service-wording.js';
import type { HelpedDetail, LastHelped } from './rove-helped-logger.js';
import type { Skill, StaffName, Topic } from '../../../shared/schemas.js';
import '../../ui/walk-up/rove-walk-up-form.js';
import './rove-helped-logger.js';
import './rove-sent-walk-ups.js';
import { msg, str } from '../../core/locale/msg.js';

type Open = 'send' | 'take' | 'helped';

@customElement('rove-walk-up-panel')
export class RoveWalkUpPanel extends LitElement {
  static override styles = [
    tokens,
    controls,
    formParts,
    css`
      :host {
        display: block;
      }
      h2 {
        color: var(--rove-primary);
        margin: 1.5rem 0 0.75rem;
      }
      h3 {
        margin: 1rem 0 0.5rem;
      }
      .said {
        margin: 0.5rem 0;
        font-weight: 600;
      }
      .said:empty {
        display: none;
      }
      rove-walk-up-form,
      rove-helped-logger {
        margin-top: 0.75rem;
        padding: 1rem;
        background: var(--rove-card);
        border: 2px solid var(--rove-primary);
        border-radius: var(--rove-radius);
      }
    `,
  ];

  /** Who is signed in: what they start is theirs. */
  @property({ attribute: false }) me?: StaffName;
  /** The tablet's branch. */
  @property() branchId = '';
  /** The branch's topics, hidden ones too (hidden ones are not offered, only named). */
  @property({ attribute: false }) topics: Topic[] = [];
  /** Skill names, for who a sent patron is waiting for. */
  @property({ attribute: false }) skills: Skill[] = [];

  @state() private _open?: Open;
  /** What just happened, said once (a status). */
  @state() private _said = '';
  @state() private _last?: LastHelped & { opId: string };

  private _sent = new LiveQueryController<SentWalkUp[]>(this, async () => [], []);
  private _choices = new LiveQueryController<HelpedChoices>(this, readHelpedChoices, {});
  private _zones = new LiveQueryController<string[]>(this, readRecentZones, []);
  private _undoTimer?: ReturnType<typeof setTimeout>;

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('me') || changed.has('branchId')) {
      const { branchId } = this;
      const me = this.me?.id;
      this._sent.setQuery(async () => (me ? readSentWalkUps(branchId, me) : []));
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._undoTimer);
  }

  /** Opens a form (or closes it) and puts the keyboard where the person now is. */
  private async _choose(open: Open | undefined) {
    const from = this._open;
    this._open = open;
    this._said = '';
    await this.updateComplete;
    const child = this.renderRoot.querySelector('rove-walk-up-form, rove-helped-logger');
    await (child as { updateComplete?: Promise<unknown> } | null)?.updateComplete;
    const target = child
      ? child.shadowRoot?.querySelector<HTMLElement>('input, h3')
      : this.renderRoot.querySelector<HTMLElement>(`[data-open="${from}"]`);
    target?.focus();
  }

  private async _walkUp(fields: WalkUpFields) {
    const me = this.me;
    if (!me) return;
    await queueWalkUp(fields, me);
    if (fields.zone) await rememberZone(fields.zone);
    const topic = this.topics.find((t) => t.id === fields.topicId)?.label ?? msg('this topic');
    this._open = undefined;
    this._said = fields.claim
      ? msg(str`${topic} is yours now: it is under My request.`)
      : msg(str`Sent for someone who knows ${topic}. You will see here who is coming.`);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private async _helped(detail: HelpedDetail) {
    const me = this.me;
    if (!me) return;
    const { effort, language } = detail;
    await rememberHelpedChoices({ effort, language });
    const opId = await queueInteraction(detail, me);
    const topic = this.topics.find((t) => t.id === detail.topicId)?.label ?? msg('A question');
    const outcome = outcomeLabel(detail.outcome);
    const words = msg(str`Recorded: ${topic} (${outcome}).`);
    this._last = { opId, words, canUndo: true };
    clearTimeout(this._undoTimer);
    // Undo goes a little before the answer leaves, so a late tap is not a broken promise.
    this._undoTimer = setTimeout(() => {
      if (this._last?.opId === opId) this._last = { ...this._last, canUndo: false };
    }, UNDO_MS - 1000);
  }

  private async _undo() {
    const last = this._last;
    if (!last) return;
    clearTimeout(this._undoTimer);
    const removed = await undoInteraction(last.opId);
    this._last = {
      opId: last.opId,
      canUndo: false,
      words: removed
        ? msg('Taken back: that one was not recorded.')
        : msg('Too late to take back: it had already been sent, so it counts.'),
    };
  }

  private async _cancel(requestId: string) {
    const me = this.me;
    if (!me) return;
    const how = await cancelWalkUp(requestId, me);
    this._said =
      how === 'dropped'
        ? msg('Cancelled before it was sent.')
        : msg('Cancelled. Nobody will come for that patron.');
  }

  override render() {
    const offered = this.topics.filter((t) => !t.hidden);
    return html`<section aria-labelledby="walk-up-heading">
      <h2 id="walk-up-heading" tabindex="-1">${msg('Someone in front of you?')}</h2>
      ${
        this._open
          ? nothing
          : html`<div class="actions">
              <button type="button" data-open="send" @click=${() => void this._choose('send')}>
                ${msg('Send for a specialist')}
              </button>
              <button
                type="button"
                class="quiet"
                data-open="take"
                @click=${() => void this._choose('take')}
              >
                ${msg('Take it myself')}
              </button>
              <button
                type="button"
                class="quiet"
                data-open="helped"
                @click=${() => void this._choose('helped')}
              >
                ${msg('I helped someone')}
              </button>
            </div>`
      }
      <p class="said" role="status">${this._said}</p>
      ${
        this._open === 'send' || this._open === 'take'
          ? html`<rove-walk-up-form
              mode=${this._open}
              .topics=${offered}
              .recentZones=${this._zones.value}
              @walk-up=${(e: CustomEvent<WalkUpFields>) => void this._walkUp(e.detail)}
              @back=${() => void this._choose(undefined)}
            ></rove-walk-up-form>`
          : nothing
      }
      ${
        this._open === 'helped'
          ? html`<rove-helped-logger
              .topics=${offered}
              .choices=${this._choices.value}
              .last=${this._last}
              @helped=${(e: CustomEvent<HelpedDetail>) => void this._helped(e.detail)}
              @undo=${() => void this._undo()}
              @back=${() => void this._choose(undefined)}
            ></rove-helped-logger>`
          : nothing
      }
      ${
        this._sent.value.length
          ? html`<h3>${msg('Sent for a specialist')}</h3>
              <rove-sent-walk-ups
                .entries=${this._sent.value}
                .topics=${this.topics}
                .skills=${this.skills}
                @cancel-walk-up=${(e: CustomEvent<string>) => void this._cancel(e.detail)}
              ></rove-sent-walk-ups>`
          : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-walk-up-panel': RoveWalkUpPanel;
  }
}
