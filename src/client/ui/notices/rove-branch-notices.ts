// <rove-branch-notices>: the notices the branch's kiosks and follow pages show now ("The
// printers are down until 2 pm"), each with Withdraw, and a short form to post one until a
// chosen time (a day at most). It sends nothing itself: it fires `post-notice` (detail:
// {text, until}) and `withdraw-notice` (detail: id); the screen sends them and says if it could not.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controls, tokens } from '../shared.styles.js';
import type { Notice } from '../../../shared/schemas.js';
import { clock } from '../../core/words/index.js';
import { msg, str } from '../../core/locale/msg.js';

/** How long a new notice shows, as offered: in hours. */
const durations = () => [
  { hours: 1, label: msg('For an hour') },
  { hours: 2, label: msg('For two hours') },
  { hours: 4, label: msg('For four hours') },
  { hours: 24, label: msg('Until this time tomorrow') },
];

interface NewNotice {
  text: string;
  until: string;
}

@customElement('rove-branch-notices')
export class RoveBranchNotices extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      /* A screen with larger type (the Floor's wall display) sets the custom property. */
      h2,
      h3 {
        font-size: var(--rove-notices-title-size, 1.1rem);
        margin: 0 0 0.4rem;
      }
      ul {
        list-style: none;
        margin: 0 0 0.75rem;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        padding: 0.5rem 0.75rem;
        border: 2px solid var(--rove-line);
        border-radius: var(--rove-radius);
        background: var(--rove-card);
      }
      .text {
        flex: 1 1 14rem;
        font-weight: 600;
      }
      .meta {
        color: var(--rove-muted);
      }
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.5rem 0.75rem;
      }
      label {
        display: grid;
        gap: 0.25rem;
      }
      input {
        min-width: min(22rem, 100%);
      }
      .problem {
        color: var(--rove-danger);
        margin: 0.25rem 0;
      }
    `,
  ];

  /** The current notices (the replica's), soonest to end first. */
  @property({ attribute: false }) notices: Notice[] = [];
  /** The title's heading level: 2 beside the tablet's other sections, 3 within the Floor's. */
  @property({ type: Number }) level: 2 | 3 = 2;
  /** While a post or withdrawal is being sent. */
  @property({ type: Boolean }) busy = false;
  /** Why the last one failed, in words. */
  @property() problem = '';

  @state() private _text = '';
  @state() private _hours = 1;

  private _post(event: Event) {
    event.preventDefault();
    const text = this._text.trim();
    if (!text) return;
    const until = new Date(Date.now() + this._hours * 3_600_000).toISOString();
    this.dispatchEvent(
      new CustomEvent<NewNotice>('post-notice', {
        detail: { text, until },
        bubbles: true,
        composed: true,
      }),
    );
    this._text = '';
  }

  private _withdraw(notice: Notice) {
    this.dispatchEvent(
      new CustomEvent<string>('withdraw-notice', {
        detail: notice.id,
        bubbles: true,
        composed: true,
      }),
    );
  }

  override render() {
    return html`<section aria-labelledby="notices-title">
      ${
        this.level === 3
          ? html`<h3 id="notices-title">${msg('Notices to patrons')}</h3>`
          : html`<h2 id="notices-title">${msg('Notices to patrons')}</h2>`
      }
      ${
        this.notices.length
          ? html`<ul aria-label=${msg('Current notices')}>
              ${this.notices.map(
                (n) =>
                  html`<li>
                    <span class="text">${n.text}</span>
                    <span class="meta">${msg(str`until ${clock(n.until)}, by ${n.by}`)}</span>
                    <button
                      type="button"
                      class="quiet"
                      aria-label=${msg(str`Withdraw: ${n.text}`)}
                      ?disabled=${this.busy}
                      @click=${() => this._withdraw(n)}
                    >
                      ${msg('Withdraw')}
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      <form @submit=${this._post}>
        <label
          >${msg('Tell waiting patrons')}
          <input
            type="text"
            maxlength="200"
            placeholder=${msg('The printers are down until 2 pm')}
            .value=${this._text}
            @input=${(e: Event) => (this._text = (e.target as HTMLInputElement).value)}
          />
        </label>
        <label
          >${msg('How long')}
          <select
            aria-label=${msg('How long')}
            @change=${(e: Event) => (this._hours = Number((e.target as HTMLSelectElement).value))}
          >
            ${durations().map(
              (d) =>
                html`<option value=${d.hours} ?selected=${d.hours === this._hours}>
                  ${d.label}
                </option>`,
            )}
          </select>
        </label>
        <button type="submit" ?disabled=${this.busy || !this._text.trim()}>
          ${msg('Post notice')}
        </button>
      </form>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
    </section>`;
  }
}

/** What posts and withdraws notices for a screen (its controller), and how that is going. */
interface NoticeEditor {
  noticeChange: { busy: boolean; error: string };
  postNotice(text: string, until: string): Promise<void>;
  withdrawNotice(id: string): Promise<void>;
}

/** <rove-branch-notices> of `notices`, wired to `editor`: the tablet's and the Floor screen's. */
export function noticesPanel(notices: Notice[], editor: NoticeEditor, level: 2 | 3 = 2) {
  return html`<rove-branch-notices
    .notices=${notices}
    .level=${level}
    ?busy=${editor.noticeChange.busy}
    problem=${editor.noticeChange.error}
    @post-notice=${(e: CustomEvent<NewNotice>) =>
      void editor.postNotice(e.detail.text, e.detail.until)}
    @withdraw-notice=${(e: CustomEvent<string>) => void editor.withdrawNotice(e.detail)}
  ></rove-branch-notices>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-branch-notices': RoveBranchNotices;
  }
}
