// The tablet's look: a landscape tablet read while walking, calm, with big controls.
import { css } from 'lit';
import { controls, tokens } from '../../ui/shared.styles.js';

export const staffStyles = [
  tokens,
  controls,
  css`
    /* width: the shell lays screens out in a flex column, where auto margins alone would size
       the view to its content ("Loading…"), and it would jump sideways when the queue came. */
    :host {
      display: block;
      box-sizing: border-box;
      width: 100%;
      max-width: 60rem;
      margin: 0 auto;
      padding: 1rem 1.25rem 3rem;
      font-size: 1.1rem;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.75rem;
    }
    header nav {
      display: flex;
      gap: 0.75rem;
    }
    .who {
      margin: 0;
      font-size: 1.2rem;
      font-weight: normal;
    }
    h1:not(.who) {
      margin: 0 0 1rem;
      font-size: 1.5rem;
      color: var(--rove-primary);
    }
    h2 {
      color: var(--rove-primary);
      margin: 1.5rem 0 0.75rem;
    }
    section > rove-my-request + rove-my-request {
      margin-top: 1rem;
    }
    .notices {
      list-style: none;
      padding: 0;
      margin: 1rem 0 0;
      display: grid;
      gap: 0.5rem;
    }
    .notices li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1rem;
      padding: 0.5rem 1rem;
      border-left: 6px solid var(--rove-warn);
      background: var(--rove-warn-bg);
      color: var(--rove-warn);
      font-weight: 600;
    }
    .announcer {
      margin: 0.5rem 0 0;
      min-height: 1.5em;
      color: var(--rove-muted);
    }
    .stale {
      padding: 0.5rem 1rem;
      border-left: 6px solid var(--rove-warn);
      background: var(--rove-warn-bg);
    }
    .signed-out {
      font-weight: 600;
    }
    .signed-out:empty {
      display: none;
    }
    .problem,
    .loading {
      font-size: 1.25rem;
    }
  `,
];
