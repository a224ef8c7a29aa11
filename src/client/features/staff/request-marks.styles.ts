// The marks a request carries on a staff screen, the same in the queue and on the rover's own
// request: small outlined badges (a quiet word, in purple) and what is still waiting to send;
// and the list of request cards the queue and a greeter's sent walk-ups share.
import { css } from 'lit';
import { palette } from '../../ui/tokens.js';

export const requestMarks = css`
  .badge {
    display: inline-block;
    padding: 0.1rem 0.5rem;
    border-radius: 1rem;
    font-size: 0.9rem;
    font-weight: 700;
    border: 1.5px solid currentColor;
  }
  .badge.quiet-word {
    color: ${palette.violet};
  }
  .pending {
    color: var(--rove-warn);
    font-weight: 600;
  }
`;

/** A list of requests, one card each (the queue, the walk-ups a greeter sent). */
export const requestCards = css`
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: 0.75rem 1rem;
    background: var(--rove-card);
    border: 2px solid var(--rove-line);
    border-radius: var(--rove-radius);
  }
`;
