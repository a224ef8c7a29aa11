// Shared look of the supervisor's screens: big targets (48px+), the focus ring every Rove screen
// shares, plain layout that reflows at 200% zoom (no fixed widths, wrapping rows).
import { css } from 'lit';
import { focusRing, tokens, visuallyHidden } from '../../ui/shared.styles.js';
import { palette } from '../../ui/tokens.js';

export const adminStyles = css`
  ${tokens}
  :host {
    display: block;
    color: ${palette.ink};
    font-size: 1.0625rem;
    line-height: 1.5;
  }
  h2,
  h3 {
    line-height: 1.25;
    margin: 1.25rem 0 0.75rem;
  }
  h2 {
    font-size: 1.5rem;
  }
  h3 {
    font-size: 1.2rem;
  }
  button,
  input,
  select {
    font: inherit;
  }
  button {
    min-height: 48px;
    min-width: 48px;
    padding: 0.5rem 1.1rem;
    border-radius: 0.5rem;
    border: 2px solid ${palette.primary};
    background: ${palette.card};
    color: ${palette.primary};
    font-weight: 600;
    cursor: pointer;
  }
  button.primary {
    background: ${palette.primary};
    color: ${palette.card};
  }
  button.danger {
    border-color: ${palette.danger};
    color: ${palette.danger};
  }
  button.danger.primary {
    background: ${palette.danger};
    color: ${palette.card};
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  input[type='text'],
  input[type='password'],
  input:not([type]),
  select {
    box-sizing: border-box;
    min-height: 48px;
    width: 100%;
    max-width: 28rem;
    padding: 0.5rem 0.75rem;
    border: 2px solid ${palette.coolMuted};
    border-radius: 0.5rem;
    background: ${palette.card};
    color: inherit;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: ${palette.primary};
  }
  ${focusRing}
  label {
    display: block;
    font-weight: 600;
  }
  .field {
    margin: 0 0 1rem;
  }
  .field label {
    margin-bottom: 0.3rem;
  }
  .hint {
    display: block;
    font-weight: 400;
    color: ${palette.slate};
    font-size: 0.95rem;
  }
  fieldset {
    border: 2px solid ${palette.lineSoft};
    border-radius: 0.5rem;
    margin: 0 0 1rem;
    padding: 0.5rem 1rem 0.75rem;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    min-height: 48px;
    font-weight: 400;
    cursor: pointer;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6rem;
    align-items: center;
  }
  .panel {
    background: ${palette.card};
    border: 1px solid ${palette.lineSoft};
    border-radius: 0.75rem;
    padding: 1rem 1.25rem;
    margin: 0 0 1.25rem;
  }
  .error {
    background: ${palette.dangerBg};
    color: ${palette.dangerDark};
    border-left: 6px solid ${palette.danger};
    padding: 0.6rem 0.9rem;
    margin: 0 0 1rem;
    border-radius: 0.25rem;
  }
  .notice {
    background: ${palette.okBg2};
    color: ${palette.okDark};
    border-left: 6px solid ${palette.ok};
    padding: 0.6rem 0.9rem;
    margin: 0 0 1rem;
    border-radius: 0.25rem;
  }
  .muted {
    color: ${palette.slate};
  }
  ${visuallyHidden}
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
`;

/** One entry of a supervisor's list (a person, a topic), ruled off from the one above. */
export const adminListEntryStyles = css`
  :host {
    display: block;
    border-top: 1px solid ${palette.lineSoft};
    padding: 0.75rem 0;
  }
  .out-of-use {
    color: ${palette.dangerDark};
    font-weight: 600;
  }
`;
