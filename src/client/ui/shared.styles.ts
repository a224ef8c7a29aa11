// The look every Rove surface shares: calm colours with strong contrast, big touch targets,
// and a focus ring nobody can miss.
import { css } from 'lit';
import { palette } from './tokens.js';

export const tokens = css`
  :host {
    --rove-ink: ${palette.ink};
    --rove-muted: ${palette.muted};
    --rove-paper: ${palette.paper};
    --rove-card: ${palette.card};
    --rove-line: ${palette.line};
    --rove-primary: ${palette.primary};
    --rove-primary-ink: ${palette.card};
    --rove-mine: ${palette.mine};
    --rove-mine-line: ${palette.mineLine};
    --rove-warn: ${palette.warn};
    --rove-warn-bg: ${palette.warnBg};
    --rove-danger: ${palette.danger};
    --rove-focus: ${palette.focus};
    --rove-radius: 0.75rem;
    color: var(--rove-ink);
    font-family:
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      sans-serif;
    line-height: 1.4;
  }
`;

/** Text for screen readers only: out of sight, still in the accessibility tree. */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** A plain page outside the kiosk, tablet and supervisor screens (the landing, enrolling). */
export const plainPage = css`
  :host {
    display: block;
    padding: 2rem 1.25rem;
  }
  h1 {
    color: var(--rove-primary);
  }
`;

/**
 * The one focus ring of every screen (needs `tokens` on the host for its colours): a yellow ring
 * with a dark band inside it, so one of the two stands out on light and on dark backgrounds.
 * Anything given a tabindex (a heading focus is moved to) wears it too.
 */
export const focusRing = css`
  [tabindex]:focus-visible,
  button:focus-visible,
  .button:focus-visible,
  a:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 4px solid var(--rove-focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--rove-ink);
  }
`;

export const controls = css`
  button,
  .button {
    box-sizing: border-box;
    min-height: 48px;
    min-width: 48px;
    padding: 0.6rem 1.2rem;
    border-radius: var(--rove-radius);
    border: 2px solid var(--rove-primary);
    background: var(--rove-primary);
    color: var(--rove-primary-ink);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
  }
  button.quiet,
  .button.quiet {
    background: var(--rove-card);
    color: var(--rove-primary);
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  ${focusRing}
  input[type='text'],
  input[type='password'],
  input:not([type]),
  select,
  textarea {
    box-sizing: border-box;
    min-height: 48px;
    padding: 0.5rem 0.75rem;
    border: 2px solid var(--rove-muted);
    border-radius: 0.5rem;
    font: inherit;
    background: var(--rove-card);
    color: var(--rove-ink);
    max-width: 100%;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    flex: none;
    accent-color: var(--rove-primary);
  }
  label.choice {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    min-height: 48px;
    cursor: pointer;
  }
  ${visuallyHidden}
`;

/** The parts of a tablet form: framed groups of choices, a row of actions, a problem in words. */
export const formParts = css`
  fieldset {
    border: 2px solid var(--rove-line);
    border-radius: var(--rove-radius);
    margin: 0 0 1rem;
    padding: 0.5rem 1rem;
  }
  legend {
    font-weight: 700;
    padding: 0 0.25rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  [role='alert'] {
    color: var(--rove-warn);
    font-weight: 600;
  }
`;
