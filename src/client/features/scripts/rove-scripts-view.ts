// <rove-scripts-view>: the greeter scripts at `/scripts` (a searchable list with topic filters)
// and `/scripts/:id` (one script as a checklist). Reads only the device's Dexie copy, so it
// works offline and without signing in; `?topic=<id>` filters to a topic, and opens that
// topic's own script when it has exactly one. It keeps a stream open while on screen (the
// branch's staff stream with a staff session, else the public scripts stream), so a published
// or withdrawn script shows within seconds on any device, signed in or not. Signed in, a step
// that offers the hand-off sends for a specialist from here (prefilled with the script's topic).
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import './rove-script-checklist.js';
import '../../ui/walk-up/rove-walk-up-form.js';
import type { WalkUpFields } from '../../core/db/walk-ups.js';
import type { StepToggle } from './rove-script-checklist.js';
import { ScriptsController } from './scripts-controller.js';
import { searchScripts, topicGuide } from './script-search.js';
import { linkedTopics, topicName } from './script-topics.js';
import { scriptStyles } from '../../ui/scripts/scripts.styles.js';
import type { Script } from '../../../shared/scripts.js';
import { count } from '../../core/words/index.js';
import { palette } from '../../ui/tokens.js';
import { msg } from '../../core/locale/msg.js';

/** List entries in the first frame: more than a tablet's screen holds. */
const FIRST_BATCH = 12;
/** List entries drawn per task after that. */
const BATCH = 24;

@customElement('rove-scripts-view')
export class RoveScriptsView extends LitElement {
  static override styles = [
    scriptStyles,
    css`
      /* As wide as the screen allows from the first frame: the shell lays screens out in a
         flex column, where auto margins alone would size this to its content (the short
         "Loading" line), and the whole list would jump sideways when it arrives. */
      :host {
        width: 100%;
        box-sizing: border-box;
        max-width: 48rem;
        margin: 0 auto;
        padding: 0 1rem;
      }
      .search label {
        display: block;
        font-weight: 600;
      }
      input[type='search'] {
        width: 100%;
        box-sizing: border-box;
        min-height: 56px;
        padding: 0.5rem 0.75rem;
        border: 2px solid ${palette.coolMuted2};
        border-radius: 0.6rem;
        font-size: 1.25rem;
      }
      .topics {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin: 0.75rem 0;
      }
      ul.list {
        list-style: none;
        padding: 0;
      }
      ul.list li {
        margin: 0 0 0.75rem;
      }
      ul.list a {
        display: block;
        min-height: 48px;
        padding: 0.75rem 1rem;
        border-radius: 0.75rem;
        background: ${palette.card};
        border: 2px solid ${palette.lineCool};
        color: ${palette.primaryDark};
        text-decoration: none;
      }
      ul.list a strong {
        display: block;
        font-size: 1.3rem;
      }
      ul.list a span {
        color: ${palette.slateDark};
        font-size: 1.05rem;
      }
    `,
  ];

  /** The script to open, from `/scripts/:id`; the list when absent. */
  @property({ attribute: 'script-id' }) scriptId?: string;

  @state() private _query = '';
  @state() private _topic?: string;
  /**
   * How many entries of the list are drawn. The first screenful comes with the first frame and
   * the rest a batch per task after it (see `_more`), so a long list never makes one long task
   * while the screen loads. It only grows.
   */
  @state() private _shown = FIRST_BATCH;
  /** The next batch, while one is due: `updateComplete` waits for the whole list. */
  private _more?: Promise<void>;

  /** The scripts, their stream, the ticks and the offer: this element only shows them. */
  private readonly binder = new ScriptsController(this, () => this.scriptId);
  private _guideChecked = false;
  private _moved = false;

  override connectedCallback() {
    super.connectedCallback();
    this._topic = new URLSearchParams(location.search).get('topic') ?? undefined;
  }

  override willUpdate(changed: PropertyValues) {
    if (!this.binder.loaded) return;
    if (!this._guideChecked) {
      this._guideChecked = true;
      const guide = this._topic && !this.scriptId && topicGuide(this.binder.scripts, this._topic);
      if (guide) this._open(guide.id, true);
    }
    if (changed.has('scriptId')) this.binder.closeOffer();
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this._more) {
      await this._more;
      done = (await super.getUpdateComplete()) && done;
    }
    return done;
  }

  /** Draws the next batch of the list in a task of its own, if part of it is still undrawn. */
  private _drawMore(total: number) {
    if (this._more || this._shown >= total) return;
    this._more = new Promise<void>((resolve) =>
      setTimeout(() => {
        this._more = undefined;
        this._shown += BATCH;
        resolve();
      }),
    );
  }

  override async updated() {
    if (!this._moved) return;
    // Moving between list and script: put keyboard and screen reader users at the new top.
    this._moved = false;
    const checklist = this.renderRoot.querySelector('rove-script-checklist');
    if (checklist) await checklist.updateComplete;
    (checklist?.renderRoot ?? this.renderRoot).querySelector<HTMLElement>('h1')?.focus();
  }

  override render() {
    if (!this.binder.loaded) return html`<p role="status">${msg('Loading scripts…')}</p>`;
    return this.scriptId ? this._renderScript(this.scriptId) : this._renderList();
  }

  private _renderList() {
    const found = searchScripts(this.binder.scripts, this._query, this._topic);
    this._drawMore(found.length);
    const topics = linkedTopics(this.binder.scripts, this.binder.topicLabels);
    // An installed app has no browser Back button: the way back to the queue is on the page.
    return html`
      <nav aria-label=${msg('Staff')}>
        <a class="button" href="/staff">${msg('Back to the queue')}</a>
      </nav>
      <h1 tabindex="-1">${msg('Scripts')}</h1>
      <div class="search">
        <label for="q">${msg('Search scripts')}</label>
        <input
          id="q"
          type="search"
          autocomplete="off"
          .value=${this._query}
          @input=${(e: Event) => (this._query = (e.target as HTMLInputElement).value)}
        />
      </div>
      ${
        topics.length
          ? html`<div class="topics" role="group" aria-label=${msg('Filter by topic')}>
              ${[undefined, ...topics].map(
                (id) =>
                  html`<button
                    type="button"
                    aria-pressed=${this._topic === id ? 'true' : 'false'}
                    @click=${() => (this._topic = id)}
                  >
                    ${id ? topicName(id, this.binder.topicLabels) : msg('All topics')}
                  </button>`,
              )}
            </div>`
          : nothing
      }
      <p role="status" class="muted">${count(found.length, 'script')}</p>
      ${
        // Below the search, where the list will be: when the scripts arrive, nothing above
        // them moves.
        this.binder.scripts.length === 0
          ? html`<p role="status">
              ${
                this.binder.unreachable
                  ? msg(
                      'The scripts have not reached this device yet. Connect to the network once and they will stay here, even offline.',
                    )
                  : msg('No scripts have been published yet.')
              }
            </p>`
          : nothing
      }
      <ul class="list">
        ${found.slice(0, this._shown).map(
          (s) =>
            html`<li>
              <a
                href=${`/scripts/${encodeURIComponent(s.id)}`}
                @click=${(e: Event) => this._follow(e, s.id)}
              >
                <strong>${s.title}</strong>
                <span>${s.purpose}</span>
              </a>
            </li>`,
        )}
      </ul>
    `;
  }

  private _renderScript(id: string) {
    const script = this.binder.script;
    if (!script) {
      return html`
        <h1 tabindex="-1">${msg('Script not found')}</h1>
        <p>${msg('This script is not on this device. It may have been withdrawn or renamed.')}</p>
        <button type="button" @click=${() => this._open(undefined)}>${msg('All scripts')}</button>
      `;
    }
    const order = this._order(id);
    return html`<rove-script-checklist
      .script=${script}
      .done=${this.binder.done}
      ?has-next=${order.length > 1}
      ?can-send=${this.binder.staff !== undefined}
      @send-for-help=${() => void this._offerSpecialist()}
      @step-toggle=${(e: CustomEvent<StepToggle>) => this.binder.tick(script, e.detail)}
      @reset-steps=${() => this.binder.resetTicks(script)}
      @next-script=${() => this._next(id)}
      @all-scripts=${() => this._open(undefined)}
      >${this._renderOffer(script)}</rove-script-checklist
    >`;
  }

  private async _offerSpecialist() {
    await this.binder.offerSpecialist();
    await this.updateComplete;
    const form = this.renderRoot.querySelector('rove-walk-up-form');
    await form?.updateComplete;
    form?.renderRoot.querySelector<HTMLElement>('input:checked, input')?.focus();
  }

  private _renderOffer(script: Script) {
    const offer = this.binder.offer;
    if (!offer) return nothing;
    if ('said' in offer) {
      return html`<p slot="offer" role="status">
        ${offer.said} <a class="button" href="/staff">${msg('See who is coming')}</a>
      </p>`;
    }
    return html`<rove-walk-up-form
      slot="offer"
      mode="send"
      .topics=${offer.topics}
      topic-id=${script.topicIds[0] ?? ''}
      .recentZones=${offer.zones}
      @walk-up=${(e: CustomEvent<WalkUpFields>) => void this.binder.sendForSpecialist(e.detail)}
      @back=${() => this.binder.closeOffer()}
    ></rove-walk-up-form>`;
  }

  /** The list "Next script" walks: the current search when it holds this script, else all. */
  private _order(id: string): Script[] {
    const found = searchScripts(this.binder.scripts, this._query, this._topic);
    return found.some((s) => s.id === id) ? found : searchScripts(this.binder.scripts, '');
  }

  private _next(id: string) {
    const order = this._order(id);
    const at = order.findIndex((s) => s.id === id);
    const next = order[(at + 1) % order.length];
    if (next) this._open(next.id);
  }

  private _follow(event: Event, id: string) {
    const mouse = event as MouseEvent;
    if (mouse.ctrlKey || mouse.metaKey || mouse.shiftKey || mouse.button > 0) return;
    event.preventDefault();
    this._open(id);
  }

  /** Shows a script (or the list) and keeps the address bar and the app's router in step. */
  private _open(id: string | undefined, replace = false) {
    const path = id ? `/scripts/${encodeURIComponent(id)}` : '/scripts';
    if (location.pathname !== path) {
      if (replace) history.replaceState(null, '', path + location.search);
      else history.pushState(null, '', path);
      window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    }
    this.scriptId = id;
    this._moved = true;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-scripts-view': RoveScriptsView;
  }
}
