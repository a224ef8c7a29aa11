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
import {
  queueWalkUp,
  readRecentZones,
  rememberZone,
  type WalkUpFields,
} from '../../core/db/walk-ups.js';
import { readTopics } from '../../core/db/queue.js';
import type { StepToggle } from './rove-script-checklist.js';
import {
  resetScriptProgress,
  setStepTicked,
  watchScriptProgress,
  watchScripts,
} from '../../core/db/scripts.js';
import { followPublishedScripts, syncScripts } from '../../core/db/scripts-sync.js';
import {
  refreshTopicLabels,
  watchTopicLabels,
  type TopicLabel,
} from '../../core/db/topic-labels.js';
import { startSync } from '../../core/sync/engine.js';
import { loadSession } from '../../core/sync/session.js';
import { searchScripts, topicGuide } from './script-search.js';
import { linkedTopics, topicName } from './script-topics.js';
import { scriptStyles } from '../../ui/scripts/scripts.styles.js';
import type { Script } from '../../../shared/scripts.js';
import type { StaffName, Topic } from '../../../shared/schemas.js';
import { count } from '../../core/words/index.js';
import { palette } from '../../ui/tokens.js';

@customElement('rove-scripts-view')
export class RoveScriptsView extends LitElement {
  static override styles = [
    scriptStyles,
    css`
      :host {
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

  @state() private _scripts: Script[] = [];
  @state() private _loaded = false;
  @state() private _query = '';
  @state() private _topic?: string;
  @state() private _done: readonly number[] = [];
  @state() private _unreachable = false;
  /** The topics this device holds, for the filters' names and order. */
  @state() private _topicLabels: TopicLabel[] = [];
  /** Who is signed in on this tablet, and where: only they can send for a specialist. */
  @state() private _staff?: { me: StaffName; branchId: string };
  /** Sending for a specialist from a step: the form, or what was sent, in words. */
  @state() private _offer?: { topics: Topic[]; zones: string[] } | { said: string };

  private _stopScripts?: () => void;
  private _stopTopics?: () => void;
  private _stopSync?: () => void;
  private _stopProgress?: () => void;
  private _progressKey = '';
  private _guideChecked = false;
  private _moved = false;

  override connectedCallback() {
    super.connectedCallback();
    this._topic = new URLSearchParams(location.search).get('topic') ?? undefined;
    this._stopScripts = watchScripts((list) => {
      this._scripts = list;
      this._loaded = true;
    });
    this._stopTopics = watchTopicLabels((topics) => (this._topicLabels = topics));
    this._refresh();
    window.addEventListener('online', this._refresh);
    void this._followStream();
  }

  /** Anyone may read published scripts, so any browser refreshes its own copy when it can. */
  private _refresh = () => {
    syncScripts().then(
      () => (this._unreachable = false),
      () => (this._unreachable = true),
    );
  };

  /**
   * Signed-in staff keep their branch's stream open here too; anyone else (a greeter's tablet
   * with nobody signed in, any browser) the public scripts stream. Either way a supervisor's
   * publish or withdrawal (`event: script`) shows within seconds while this screen is open.
   */
  private async _followStream() {
    const session = await loadSession().catch(() => undefined);
    if (!this.isConnected || this._stopSync) return;
    const branchId = session?.device?.branchId;
    if (session?.role === 'staff' && branchId) {
      this._stopSync = startSync({ kind: 'staff', branchId });
      if (session.staff) this._staff = { me: session.staff, branchId };
      return;
    }
    this._stopSync = followPublishedScripts();
    if (branchId && !session?.offline) void refreshTopicLabels(branchId);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('online', this._refresh);
    this._stopScripts?.();
    this._stopTopics?.();
    this._stopSync?.();
    this._stopSync = undefined;
    this._stopProgress?.();
    this._progressKey = '';
  }

  override willUpdate(changed: PropertyValues) {
    if (!this._loaded) return;
    if (!this._guideChecked) {
      this._guideChecked = true;
      const guide = this._topic && !this.scriptId && topicGuide(this._scripts, this._topic);
      if (guide) this._open(guide.id, true);
    }
    if (changed.has('scriptId') || changed.has('_scripts')) this._followProgress();
    if (changed.has('scriptId')) this._offer = undefined;
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
    if (!this._loaded) return html`<p role="status">Loading scripts…</p>`;
    return this.scriptId ? this._renderScript(this.scriptId) : this._renderList();
  }

  private _renderList() {
    const found = searchScripts(this._scripts, this._query, this._topic);
    const topics = linkedTopics(this._scripts, this._topicLabels);
    // An installed app has no browser Back button: the way back to the queue is on the page.
    return html`
      <nav aria-label="Staff"><a class="button" href="/staff">Back to the queue</a></nav>
      <h1 tabindex="-1">Scripts</h1>
      ${
        this._scripts.length === 0
          ? html`<p role="status">
              ${
                this._unreachable
                  ? 'The scripts have not reached this device yet. Connect to the network once and they will stay here, even offline.'
                  : 'No scripts have been published yet.'
              }
            </p>`
          : nothing
      }
      <div class="search">
        <label for="q">Search scripts</label>
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
          ? html`<div class="topics" role="group" aria-label="Filter by topic">
              ${[undefined, ...topics].map(
                (id) =>
                  html`<button
                    type="button"
                    aria-pressed=${this._topic === id ? 'true' : 'false'}
                    @click=${() => (this._topic = id)}
                  >
                    ${id ? topicName(id, this._topicLabels) : 'All topics'}
                  </button>`,
              )}
            </div>`
          : nothing
      }
      <p role="status" class="muted">${count(found.length, 'script')}</p>
      <ul class="list">
        ${found.map(
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
    const script = this._scripts.find((s) => s.id === id);
    if (!script) {
      return html`
        <h1 tabindex="-1">Script not found</h1>
        <p>This script is not on this device. It may have been withdrawn or renamed.</p>
        <button type="button" @click=${() => this._open(undefined)}>All scripts</button>
      `;
    }
    const order = this._order(id);
    return html`<rove-script-checklist
      .script=${script}
      .done=${this._done}
      ?has-next=${order.length > 1}
      ?can-send=${this._staff !== undefined}
      @send-for-help=${() => void this._sendForHelp()}
      @step-toggle=${(e: CustomEvent<StepToggle>) => this._tick(script, e.detail)}
      @reset-steps=${() => void resetScriptProgress(script.id)}
      @next-script=${() => this._next(id)}
      @all-scripts=${() => this._open(undefined)}
      >${this._renderOffer(script)}</rove-script-checklist
    >`;
  }

  private _renderOffer(script: Script) {
    const offer = this._offer;
    if (!offer) return nothing;
    if ('said' in offer) {
      return html`<p slot="offer" role="status">
        ${offer.said} <a class="button" href="/staff">See who is coming</a>
      </p>`;
    }
    return html`<rove-walk-up-form
      slot="offer"
      mode="send"
      .topics=${offer.topics}
      topic-id=${script.topicIds[0] ?? ''}
      .recentZones=${offer.zones}
      @walk-up=${(e: CustomEvent<WalkUpFields>) => void this._send(e.detail)}
      @back=${() => (this._offer = undefined)}
    ></rove-walk-up-form>`;
  }

  private async _sendForHelp() {
    const staff = this._staff;
    if (!staff) return;
    const [topics, zones] = await Promise.all([readTopics(staff.branchId), readRecentZones()]);
    this._offer = { topics, zones };
    await this.updateComplete;
    const form = this.renderRoot.querySelector('rove-walk-up-form');
    await form?.updateComplete;
    form?.renderRoot.querySelector<HTMLElement>('input:checked, input')?.focus();
  }

  private async _send(fields: WalkUpFields) {
    const staff = this._staff;
    if (!staff) return;
    await queueWalkUp(fields, staff.me);
    if (fields.zone) await rememberZone(fields.zone);
    const topics =
      'topics' in (this._offer ?? {}) ? (this._offer as { topics: Topic[] }).topics : [];
    const topic = topics.find((t) => t.id === fields.topicId)?.label ?? 'this topic';
    this._offer = { said: `Sent for someone who knows ${topic}.` };
  }

  /** The list "Next script" walks: the current search when it holds this script, else all. */
  private _order(id: string): Script[] {
    const found = searchScripts(this._scripts, this._query, this._topic);
    return found.some((s) => s.id === id) ? found : searchScripts(this._scripts, '');
  }

  private _next(id: string) {
    const order = this._order(id);
    const at = order.findIndex((s) => s.id === id);
    const next = order[(at + 1) % order.length];
    if (next) this._open(next.id);
  }

  private _tick(script: Script, { index, ticked }: StepToggle) {
    const done = new Set(this._done);
    if (ticked) done.add(index);
    else done.delete(index);
    this._done = [...done];
    void setStepTicked(script.id, script.version, index, ticked);
  }

  private _followProgress() {
    const script = this.scriptId ? this._scripts.find((s) => s.id === this.scriptId) : undefined;
    const key = script ? `${script.id}@${script.version}` : '';
    if (key === this._progressKey) return;
    this._stopProgress?.();
    this._stopProgress = undefined;
    this._progressKey = key;
    this._done = [];
    if (script) {
      this._stopProgress = watchScriptProgress(script.id, script.version, (done) => {
        this._done = done;
      });
    }
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
