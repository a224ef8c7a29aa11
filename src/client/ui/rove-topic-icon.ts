// <rove-topic-icon>: the picture on a topic button, drawn by the icon name a supervisor chose
// (see views/admin/topic-icons.ts). Decorative: the button's label names the topic.
import { LitElement, css, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';

// Simple 24x24 line drawings; an unknown name falls back to the question mark.
const PATHS: Record<string, string> = {
  computer: 'M3 4h18v12H3zM8 20h8M12 16v4',
  printer: 'M6 9V3h12v6M6 18H4v-7h16v7h-2M7 14h10v7H7z',
  wifi: 'M2 8.5a15 15 0 0 1 20 0M5 12a10 10 0 0 1 14 0M8.5 15.5a5 5 0 0 1 7 0M12 19h.01',
  phone: 'M7 2h10v20H7zM11 18h2',
  book: 'M4 4h6a2 2 0 0 1 2 2v14a2 2 0 0 0-2-2H4zM20 4h-6a2 2 0 0 0-2 2v14a2 2 0 0 1 2-2h6z',
  child: 'M12 7a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM8 22v-7l-2-3 3-3h6l3 3-2 3v7M12 15v7',
  history: 'M3 21h18M4 10h16M12 3 4 8v2h16V8zM6 10v8M10 10v8M14 10v8M18 10v8M4 18h16',
  briefcase: 'M3 7h18v13H3zM8 7V4h8v3M3 12h18',
  form: 'M6 2h9l4 4v16H6zM14 2v5h5M9 12h7M9 16h7M9 8h3',
  accessibility: 'M12 6a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM5 8l7 2 7-2M12 10v5M12 15l-4 7M12 15l4 7',
  question:
    'M9 9a3 3 0 1 1 4 2.8c-.6.3-1 .9-1 1.6V15M12 19h.01M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z',
};

// The starter topics' icon names, drawn with the pictures above.
const ALIASES: Record<string, string> = {
  tech: 'computer',
  books: 'book',
  youth: 'child',
  careers: 'briefcase',
  forms: 'form',
  access: 'accessibility',
  general: 'question',
};

@customElement('rove-topic-icon')
export class RoveTopicIcon extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
      width: 2.5rem;
      height: 2.5rem;
      flex: none;
    }
    svg {
      width: 100%;
      height: 100%;
    }
  `;

  /** The icon's name, e.g. "computer" or "printer". */
  @property() name = 'question';

  override render() {
    const path = PATHS[ALIASES[this.name] ?? this.name] ?? PATHS.question;
    return svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none"
      stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">
      <path d=${path ?? ''}></path></svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rove-topic-icon': RoveTopicIcon;
  }
}
