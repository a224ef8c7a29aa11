// The kiosk's look: portrait, read at arm's length, one thing at a time, huge targets.
import { css } from 'lit';
import { controls, tokens } from '../../styles/shared.js';

/** Read at arm's length: the kiosk view and every kiosk component start from this size. */
export const kioskHost = css`
  :host {
    display: block;
    font-size: 1.5rem;
  }
`;

export const kioskStyles = [
  tokens,
  controls,
  kioskHost,
  css`
    .screen {
      box-sizing: border-box;
      max-width: 52rem;
      margin: 0 auto;
      padding: 2.5rem 1.5rem;
    }
    .idle {
      display: flex;
      flex-direction: column;
      align-items: center;
      text-align: center;
      gap: 2rem;
      padding-top: 8vh;
    }
    .welcome {
      font-size: 2.2rem;
      margin: 0;
      max-width: 30ch;
    }
    .ask {
      flex-direction: column;
      width: min(100%, 30rem);
      min-height: 16rem;
      border-radius: 2rem;
      font-size: 4.5rem;
      line-height: 1.1;
      box-shadow: 0 0.5rem 1.5rem rgb(31 78 95 / 30%);
    }
    .ask .sub {
      font-size: 1.4rem;
      font-weight: 500;
    }
    .community {
      color: var(--rove-muted);
      margin: 0;
    }
    .thanks {
      text-align: center;
      padding-top: 10vh;
      font-size: 2.2rem;
    }
    .thanks button {
      font-size: 1.4rem;
    }
    [role='alert'] {
      font-size: 1.6rem;
    }
  `,
];
