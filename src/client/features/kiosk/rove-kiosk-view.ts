// <rove-kiosk-view>: the lobby kiosk. Idle: one large "Ask me" and the branch's notices. Then
// a topic, the optional details, Send; then the ticket and its live status, and at the end two
// one-tap questions. A rover paging one of its patrons covers whatever shows, full screen. It
// thanks the patron and returns to idle by itself after a pause with no touch, and after the
// request closes, so nothing a patron typed stays on screen for the next person.
import { LitElement, html, nothing } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { localized, msg, str } from '../../core/locale/msg.js';
import { kioskStyles } from './kiosk.styles.js';
import { KioskController } from './kiosk-controller.js';
import type { HelpRequest, Topic } from '../../../shared/schemas.js';
import type { KioskDetails, RoveKioskDetails } from './rove-kiosk-details.js';
import { plural } from '../../core/words/index.js';
import {
  SOURCE_LOCALE,
  direction,
  formatNumber,
  getLocale,
  markDocument,
  ownName,
} from '../../core/locale/index.js';

@localized()
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

  override updated(): void {
    // The kiosk's root and the page speak the chosen language, right to left for Arabic.
    const locale = getLocale();
    if (this.lang === locale) return;
    this.lang = locale;
    this.dir = direction(locale);
    markDocument(locale);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    markDocument(SOURCE_LOCALE);
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
          <h1 class="welcome">${msg('Welcome! Library staff are close by and glad to help.')}</h1>
          <button type="button" class="ask" @click=${() => kiosk.go('topics')}>
            ${msg('Ask me')}
            <span class="sub">${msg('Tap here, and someone will come to you')}</span>
          </button>
          ${this._languages()}
          <div class="notices" role="status" aria-label=${msg('Notices from the library')}>
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
              ? html`<p class="community">${helpedToday(kiosk.line.helpedToday)}</p>`
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
          <button type="button" @click=${() => kiosk.reset()}>${msg('Start again')}</button>
        </div>`;
    }
  }

  /**
   * The branch's languages, each by its own name ("Español", "中文", "العربية") and marked with
   * its `lang` so a screen reader says it right; none when the branch offers one language.
   */
  private _languages() {
    const kiosk = this.kiosk;
    const tags = kiosk.languages;
    if (tags.length < 2) return nothing;
    const base = (tag: string) => tag.split('-')[0]!.toLowerCase();
    const short = (tag: string) => tags.filter((t) => base(t) === base(tag)).length === 1;
    return html`<div class="languages" role="group" aria-label=${msg('Language')}>
      ${tags.map(
        (tag) =>
          html`<button
            type="button"
            class="quiet"
            lang=${tag}
            dir=${direction(tag)}
            aria-pressed=${tag === kiosk.language ? 'true' : 'false'}
            @click=${() => kiosk.chooseLanguage(tag)}
          >
            ${ownName(tag, short(tag))}
          </button>`,
      )}
    </div>`;
  }

  /** A rover is looking for a patron of this kiosk: full screen, one big answer. */
  private _page(page: HelpRequest) {
    const who = page.claimedBy?.displayName ?? msg('Someone from the library');
    return html`<section class="paged">
      <div role="alert">
        <h1>${msg(str`Ticket ${page.ticket}: ${who} is looking for you here`)}</h1>
        <p>${msg('If this is your ticket, tap the button so they know you are here.')}</p>
      </div>
      <button type="button" class="here" @click=${() => void this.kiosk.here()}>
        ${msg("I'm here")}
      </button>
    </section>`;
  }

  /** The request ended answered or referred: how well did we do, how much did it matter. */
  private _feedback() {
    const kiosk = this.kiosk;
    const head = html`<h1>${msg('All done. Thank you for visiting!')}</h1>`;
    if (kiosk.feedbackGiven) {
      return html`<div class="thanks">
        <div role="status">
          ${head}
          <p class="said">${msg('Thank you for telling us.')}</p>
        </div>
        <button type="button" @click=${() => kiosk.reset()}>${msg('Start again')}</button>
      </div>`;
    }
    const first = kiosk.satisfaction === undefined;
    return html`<div class="feedback">
      <div role="status">${head}</div>
      ${
        first
          ? scale('how-well', msg('How well did we do?'), well(), (n) => kiosk.rateService(n))
          : html`${scale(
                'how-much',
                msg('How much did this matter to you today?'),
                mattered(),
                (n) => kiosk.rateImportance(n),
              )}
              <button type="button" class="quiet" @click=${() => kiosk.rateImportance()}>
                ${msg('Skip this question')}
              </button>`
      }
    </div>`;
  }
}

/** What each answer means, 1 to 5, read with its number ("5 of 5: very well"). */
const well = () => [
  msg('not well'),
  msg('not so well'),
  msg('fairly well'),
  msg('well'),
  msg('very well'),
];
const mattered = () => [
  msg('not much'),
  msg('a little'),
  msg('somewhat'),
  msg('a lot'),
  msg('a great deal'),
];

/** "12 people were helped here today." in the chosen language, its plural and its digits. */
function helpedToday(n: number): string {
  const count = formatNumber(n);
  return plural(
    n,
    msg(str`${count} person was helped here today.`),
    msg(str`${count} people were helped here today.`),
    getLocale(),
  );
}

function scale(id: string, question: string, words: string[], pick: (n: number) => void) {
  return html`<h2 id=${id}>${question}</h2>
    <div class="scale" role="group" aria-labelledby=${id}>
      ${words.map(
        (word, i) =>
          html`<button type="button" @click=${() => pick(i + 1)}>
            <span class="n">${formatNumber(i + 1)}</span
            ><span class="visually-hidden"> ${msg(str`of ${formatNumber(5)}:`)}</span>
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
