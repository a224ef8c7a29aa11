// The kiosk's look: portrait, read at arm's length, one thing at a time, huge targets.
import { css } from 'lit';
import { controls, tokens } from '../../ui/shared.styles.js';
import { palette } from '../../ui/tokens.js';

/** Read at arm's length: the kiosk view and every kiosk component start from this size. */
export const kioskHost = css`
  :host {
    display: block;
    font-size: 1.5rem;
  }
`;

/**
 * Every kiosk button, even a quiet one (Back, Cancel request, Start again), is big enough to
 * read and hit from arm's length: the shared 48 px is a tablet's size, not a lobby screen's.
 */
export const kioskButtons = css`
  button {
    min-height: 4rem;
    padding: 0.75rem 1.75rem;
    font-size: 1.5rem;
  }
`;

export const kioskStyles = [
  tokens,
  controls,
  kioskHost,
  kioskButtons,
  css`
    .screen {
      box-sizing: border-box;
      max-inline-size: 52rem;
      margin: 0 auto;
      padding: 2.5rem 1.5rem;
    }
    .idle {
      display: flex;
      flex-direction: column;
      align-items: center;
      text-align: center;
      gap: 2rem;
      padding-block-start: 8vh;
    }
    .welcome {
      font-size: 2.2rem;
      font-weight: 400;
      line-height: 1.4;
      margin: 0;
      max-inline-size: 30ch;
    }
    .ask {
      flex-direction: column;
      inline-size: min(100%, 30rem);
      min-block-size: 16rem;
      border-radius: 2rem;
      font-size: 4.5rem;
      line-height: 1.1;
      box-shadow: 0 0.5rem 1.5rem ${palette.primaryShadow};
    }
    .ask .sub {
      font-size: 1.4rem;
      font-weight: 500;
    }
    /* The branch's languages, each in its own name and script, under "Ask me". */
    .languages {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 0.75rem;
    }
    .languages button {
      min-inline-size: 9rem;
      font-size: 1.6rem;
    }
    .languages button[aria-pressed='true'] {
      background: var(--rove-primary);
      color: var(--rove-card);
      border-color: var(--rove-primary);
    }
    .community {
      color: var(--rove-muted);
      margin: 0;
    }
    .thanks {
      text-align: center;
      padding-block-start: 10vh;
    }
    .thanks h1 {
      font-size: 2.2rem;
      font-weight: 400;
      line-height: 1.4;
      margin-block: 0 2rem;
      margin-inline: 0;
    }
    [role='alert'] {
      font-size: 1.6rem;
    }
    /* Always there (a live region must be before its news), empty when there is none. */
    .notices {
      inline-size: min(100%, 40rem);
    }
    .notices ul {
      list-style: none;
      margin: 0;
      padding: 0;
      text-align: start;
    }
    .notices li {
      padding: 1rem 1.25rem;
      margin-block-end: 0.5rem;
      border: 2px solid var(--rove-line);
      border-radius: var(--rove-radius);
      background: var(--rove-card);
    }
    .paged {
      position: fixed;
      inset: 0;
      z-index: 10;
      box-sizing: border-box;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: safe center;
      overflow-y: auto;
      gap: 2.5rem;
      padding: 2rem;
      text-align: center;
      background: var(--rove-paper);
      border: 1rem solid var(--rove-primary);
    }
    .paged h1 {
      font-size: 3rem;
      line-height: 1.2;
      margin: 0 0 1rem;
      max-inline-size: 22ch;
    }
    .paged p {
      margin: 0;
    }
    .paged [role='alert'] {
      font-size: inherit;
    }
    .here {
      inline-size: min(100%, 30rem);
      min-block-size: 10rem;
      border-radius: 2rem;
      font-size: 3.5rem;
      box-shadow: 0 0.5rem 1.5rem ${palette.primaryShadow};
    }
    .feedback {
      text-align: center;
      padding-block-start: 6vh;
    }
    .feedback h1 {
      font-size: 2.2rem;
      font-weight: 400;
      margin: 0 0 1.5rem;
    }
    .feedback h2 {
      font-size: 2rem;
      margin: 0 0 1.25rem;
    }
    .scale {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 0.75rem;
      margin-block-end: 2rem;
    }
    .scale button {
      flex: 1 1 5.5rem;
      max-inline-size: 9rem;
      flex-direction: column;
      min-height: 7rem;
      padding: 0.5rem 0.25rem;
      line-height: 1.2;
    }
    .scale .n {
      font-size: 2.6rem;
    }
    .scale .word {
      font-size: 1.1rem;
      font-weight: 500;
    }
    .said {
      font-size: 1.8rem;
      margin: 0 0 2rem;
    }
  `,
];
