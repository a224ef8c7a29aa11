// The look of scripts for reading at the door: large type, big targets (48px+), visible focus,
// nothing fixed-width, so it reflows at 200% zoom and reads at arm's length on a tablet.
import { css } from 'lit';
import { focusRing, tokens } from '../shared.styles.js';
import { palette } from '../tokens.js';

export const scriptStyles = [
  tokens,
  focusRing,
  css`
    :host {
      display: block;
      color: ${palette.ink};
      font-size: 1.25rem;
      line-height: 1.5;
    }
    h1,
    h2,
    h3 {
      line-height: 1.25;
      margin: 0.75rem 0 0.5rem;
    }
    h1 {
      font-size: 1.75rem;
    }
    h2 {
      font-size: 1.5rem;
    }
    p {
      margin: 0.25rem 0 0.75rem;
    }
    button,
    input,
    a.button {
      font: inherit;
    }
    button,
    a.button {
      min-height: 48px;
      min-width: 48px;
      padding: 0.5rem 1.1rem;
      border-radius: 0.6rem;
      border: 2px solid ${palette.primary};
      background: ${palette.card};
      color: ${palette.primary};
      font-weight: 600;
      cursor: pointer;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      text-decoration: none;
      box-sizing: border-box;
    }
    button.primary {
      background: ${palette.primary};
      color: ${palette.card};
    }
    button[aria-pressed='true'] {
      background: ${palette.primary};
      color: ${palette.card};
    }
    .phrases {
      list-style: none;
      margin: 0.25rem 0 0;
      padding: 0;
    }
    .phrases li {
      margin: 0.25rem 0;
      padding-left: 0.75rem;
      border-left: 4px solid ${palette.primarySoft};
      color: ${palette.slateInk};
      font-style: italic;
    }
    .purpose {
      color: ${palette.slateDark};
    }
    .levels dt {
      font-weight: 700;
      margin-top: 0.5rem;
    }
    .levels dd {
      margin: 0 0 0.5rem 0;
    }
    .muted {
      color: ${palette.slateMuted};
    }
  `,
];
