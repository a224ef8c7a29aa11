// The marks a request carries on a staff screen, the same in the queue and on the rover's own
// request: small outlined badges (a quiet word, in purple) and what is still waiting to send.
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
