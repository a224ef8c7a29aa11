// <rove-topic-picker>: the kiosk's second step, one large button per topic, named by its label.
// Fires `topic-chosen` (detail: the Topic) and `back`.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '../../core/locale/msg.js';
import { controls, tokens } from '../../ui/shared.styles.js';
import type { Topic } from '../../../shared/schemas.js';
import { kioskButtons, kioskHost } from './kiosk.styles.js';
import { backButton } from '../../ui/form-pieces.js';
import { deskPlaceSentence } from './desk-words.js';
import '../../ui/rove-topic-icon.js';

@localized()
@customElement('rove-topic-picker')
export class RoveTopicPicker extends LitElement {
  static override styles = [
    tokens,
    controls,
    kioskHost,
    kioskButtons,
    css`
      h1 {
        font-size: 2.25rem;
        margin: 0 0 1.5rem;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0 0 2rem;
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
        gap: 1rem;
      }
      /* Buttons side by side in a row are as tall as each other, however their labels wrap. */
      li {
        display: flex;
      }
      li button {
        flex: 1;
        min-height: 6rem;
        padding: 0.75rem 1.2rem;
        justify-content: flex-start;
        gap: 1rem;
        font-size: 1.6rem;
        text-align: start;
        background: var(--rove-card);
        color: var(--rove-primary);
        border-width: 3px;
      }
      .empty {
        font-size: 1.5rem;
      }
    `,
  ];

  /** The topics to offer, in display order. */
  @property({ attribute: false }) topics: Topic[] = [];
  /** Where the branch's service desk is ("on the ground floor"), when a supervisor wrote it. */
  @property() serviceDesk?: string;

  private _choose(topic: Topic) {
    this.dispatchEvent(
      new CustomEvent('topic-chosen', { detail: topic, bubbles: true, composed: true }),
    );
  }

  override render() {
    return html`<h1 id="topics-heading">${msg('What can we help you with?')}</h1>
      ${
        this.topics.length === 0
          ? html`<p class="empty">
              ${msg('The topics have not reached this kiosk yet. Please ask at the service desk.')}
              ${deskPlaceSentence(this.serviceDesk)}
            </p>`
          : html`<ul aria-labelledby="topics-heading">
              ${this.topics.map(
                (topic) =>
                  html`<li>
                    <button type="button" @click=${() => this._choose(topic)}>
                      <rove-topic-icon name=${topic.icon}></rove-topic-icon>${topic.label}
                    </button>
                  </li>`,
              )}
            </ul>`
      }
      ${backButton(this)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-topic-picker': RoveTopicPicker;
  }
}
