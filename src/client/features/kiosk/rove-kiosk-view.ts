// <rove-kiosk-view>: the lobby kiosk. Idle: one large "Ask me". Then a topic, the optional
// details, Send; then the ticket and its live status. It thanks the patron and returns to idle
// by itself after a pause with no touch, and after the request closes, so nothing a patron
// typed stays on screen for the next person.
import { LitElement, html, nothing } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { kioskStyles } from './kiosk.styles.js';
import { KioskController } from './kiosk-controller.js';
import type { Topic } from '../../../shared/schemas.js';
import type { KioskDetails, RoveKioskDetails } from './rove-kiosk-details.js';
import './rove-topic-picker.js';
import './rove-kiosk-details.js';
import './rove-kiosk-ticket.js';
import { plural } from '../../core/words/index.js';

@customElement('rove-kiosk-view')
export class RoveKioskView extends LitElement {
  static override styles = kioskStyles;

  @query('rove-kiosk-details') private _details?: RoveKioskDetails;

  /** The session, the sync, the steps and their timers: this element only shows them. */
  private readonly kiosk = new KioskController(this, { forget: () => this._details?.clear() });

  override render() {
    const problem = this.kiosk.problem;
    if (problem) return html`<section class="screen"><p role="alert">${problem}</p></section>`;
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
      case 'thanks':
        return html`<div class="thanks">
          <div role="status"><h1>${kiosk.thanks}</h1></div>
          <button type="button" @click=${() => kiosk.reset()}>Start again</button>
        </div>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-kiosk-view': RoveKioskView;
  }
}
