// <rove-kiosk-view>: the lobby kiosk. Idle: one large "Ask me" and the branch's notices. Then
// a topic, the optional details, Send; then the ticket and its live status, and at the end two
// one-tap questions. A rover paging one of its patrons covers whatever shows, full screen. It
// thanks the patron and returns to idle by itself after a pause with no touch, and after the
// request closes, so nothing a patron typed stays on screen for the next person.
import { LitElement, html, nothing } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { kioskStyles } from './kiosk.styles.js';
import { KioskController } from './kiosk-controller.js';
import type { HelpRequest, Topic } from '../../../shared/schemas.js';
import type { KioskDetails, RoveKioskDetails } from './rove-kiosk-details.js';
import { plural } from '../../core/words/index.js';

@customElement('rove-kiosk-view')
export class RoveKioskView extends LitElement {
  static override styles = kioskStyles;

  @query('rove-kiosk-details') private _details?: RoveKioskDetails;

  /** The session, the sync, the steps and their timers: this element only shows them. */
  private readonly kiosk = new KioskController(this, { forget: () => this._details?.clear() });

  override firstUpdated() {
    // Only the start screen is needed to show the kiosk: the steps after "Ask me" load just
    // after it shows, so it comes up sooner on a slow link.
    void import('./kiosk-steps.js');
  }

  override render() {
    const problem = this.kiosk.problem;
    if (problem) return html`<section class="screen"><p role="alert">${problem}</p></section>`;
    const page = this.kiosk.page;
    if (page) return this._page(page);
    return html`<section class="screen">${this._screen()}</section>`;
  }

  private _screen() {
    const kiosk = this.kiosk;
    switch (kiosk.step) {
      case 'idle':
        return html`<div class="idle">
          <h1 class="welcome">Welcome! Library staff are close by and glad to help.</h1>
          <button type="button" class="ask" @click=${() => kiosk.go('topics')}>
            Ask me <span class="sub">Tap here, and someone will come to you</span>
          </button>
          <div class="notices" role="status" aria-label="Notices from the library">
            ${
              kiosk.notices.length
                ? html`<ul>
                    ${kiosk.notices.map((n) => html`<li>${n.text}</li>`)}
                  </ul>`
                : nothing
            }
          </div>
          ${
            kiosk.line?.helpedToday
              ? html`<p class="community">
                  ${kiosk.line.helpedToday}
                  ${plural(kiosk.line.helpedToday, 'person was', 'people were')} helped here today.
                </p>`
              : nothing
          }
        </div>`;
      case 'topics':
        return html`<rove-topic-picker
          .topics=${kiosk.topics}
          serviceDesk=${kiosk.branch?.serviceDesk ?? nothing}
          @topic-chosen=${(e: CustomEvent<Topic>) => kiosk.choose(e.detail)}
          @back=${() => kiosk.go('idle')}
        ></rove-topic-picker>`;
      case 'details':
        return html`<rove-kiosk-details
          .topic=${kiosk.topic}
          @send-request=${(e: CustomEvent<KioskDetails>) => void kiosk.send(e.detail)}
          @back=${() => kiosk.go('topics')}
        ></rove-kiosk-details>`;
      case 'following': {
        const view = kiosk.request;
        const topic = kiosk.topics.find((t) => t.id === view?.request.topicId);
        return html`<rove-kiosk-ticket
          .view=${view}
          .place=${kiosk.place}
          .helper=${kiosk.helper}
          topicLabel=${topic?.label ?? ''}
          serviceDesk=${kiosk.branch?.serviceDesk ?? nothing}
          @cancel-request=${() => void kiosk.cancel()}
        ></rove-kiosk-ticket>`;
      }
      case 'feedback':
        return this._feedback();
      case 'thanks':
        return html`<div class="thanks">
          <div role="status"><h1>${kiosk.thanks}</h1></div>
          <button type="button" @click=${() => kiosk.reset()}>Start again</button>
        </div>`;
    }
  }

  /** A rover is looking for a patron of this kiosk: full screen, one big answer. */
  private _page(page: HelpRequest) {
    const who = page.claimedBy?.displayName ?? 'Someone from the library';
    return html`<section class="paged">
      <div role="alert">
        <h1>Ticket ${page.ticket}: ${who} is looking for you here</h1>
        <p>If this is your ticket, tap the button so they know you are here.</p>
      </div>
      <button type="button" class="here" @click=${() => void this.kiosk.here()}>I'm here</button>
    </section>`;
  }

  /** The request ended answered or referred: how well did we do, how much did it matter. */
  private _feedback() {
    const kiosk = this.kiosk;
    const head = html`<h1>All done. Thank you for visiting!</h1>`;
    if (kiosk.feedbackGiven) {
      return html`<div class="thanks">
        <div role="status">
          ${head}
          <p class="said">Thank you for telling us.</p>
        </div>
        <button type="button" @click=${() => kiosk.reset()}>Start again</button>
      </div>`;
    }
    const first = kiosk.satisfaction === undefined;
    return html`<div class="feedback">
      <div role="status">${head}</div>
      ${
        first
          ? scale('how-well', 'How well did we do?', WELL, (n) => kiosk.rateService(n))
          : html`${scale('how-much', 'How much did this matter to you today?', MATTERED, (n) =>
                kiosk.rateImportance(n),
              )}
              <button type="button" class="quiet" @click=${() => kiosk.rateImportance()}>
                Skip this question
              </button>`
      }
    </div>`;
  }
}

/** What each answer means, 1 to 5, read with its number ("5 of 5: very well"). */
const WELL = ['not well', 'not so well', 'fairly well', 'well', 'very well'];
const MATTERED = ['not much', 'a little', 'somewhat', 'a lot', 'a great deal'];

function scale(id: string, question: string, words: string[], pick: (n: number) => void) {
  return html`<h2 id=${id}>${question}</h2>
    <div class="scale" role="group" aria-labelledby=${id}>
      ${words.map(
        (word, i) =>
          html`<button type="button" @click=${() => pick(i + 1)}>
            <span class="n">${i + 1}</span><span class="visually-hidden"> of 5:</span>
            <span class="word">${word}</span>
          </button>`,
      )}
    </div>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-kiosk-view': RoveKioskView;
  }
}
