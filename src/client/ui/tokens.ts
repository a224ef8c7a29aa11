// Rove's colours, defined once (issue 10: no raw colour anywhere else in the client). Styles use
// them as `${palette.primary}` in Lit's css``, so a component carries its colours with it even
// outside the app shell; the shell's `tokens` also publishes the main ones as --rove-* custom
// properties. Contrast pairs were chosen for WCAG AA on the surfaces they are used on.
// page.css, index.html's theme colour and the web manifest repeat paper, ink and primary (they
// are read before any script); tests/unit/client/ui/tokens.test.ts keeps them equal.
import { unsafeCSS, type CSSResult } from 'lit';

export const COLORS = {
  ink: '#1b1b1b',
  muted: '#4a4a4a',
  paper: '#f7f5f0',
  paperDim: '#f3f1ec',
  card: '#ffffff',
  black: '#000000',
  line: '#c9c4b8',
  lineSoft: '#d4d0c8',
  lineCool: '#d7dfe2',
  primary: '#1f4e5f',
  primaryDark: '#12323d',
  primarySoft: '#9fc3cf',
  primaryBg: '#e8f1f4',
  primaryShadow: 'rgb(31 78 95 / 30%)',
  slate: '#4a5560',
  slateDark: '#3d4a4f',
  slateInk: '#2e3b40',
  slateMuted: '#4a5559',
  coolMuted: '#5b6770',
  coolMuted2: '#5b6b70',
  mine: '#e6f0e9',
  mineLine: '#2f6b45',
  ok: '#2e7d57',
  okDark: '#17452f',
  okInk: '#3b4a3c',
  okLine: '#7fb383',
  okBg: '#eef6ee',
  okBg2: '#e8f3ee',
  warn: '#7a3b00',
  warnBg: '#fff3e0',
  danger: '#a4000f',
  dangerDark: '#7a000b',
  dangerBg: '#fdecea',
  focus: '#f2c14e',
  violet: '#5b2a86',
  scrim: 'rgb(0 0 0 / 45%)',
} as const;

type ColorName = keyof typeof COLORS;

/** Each colour as a value for Lit's css``. */
export const palette = Object.fromEntries(
  Object.entries(COLORS).map(([name, value]) => [name, unsafeCSS(value)]),
) as Record<ColorName, CSSResult>;

/**
 * The report's charts (canvas, so raw values rather than CSS). `heat` runs from few to many
 * requests, light to dark, each step darker than the last; the number is written on every
 * cell in `heatInk` (ink on the three light steps, 7:1 or more; white on the two dark, 4.9:1
 * or more). Lines and bars use primary and warn, each 3:1 or more on white and told apart by
 * their markers and dashes too.
 */
export const CHART_COLORS = {
  heat: ['#e8f1f4', '#b9d5de', '#7fb0c0', '#3a788c', '#1f4e5f'],
  heatInk: ['#1b1b1b', '#1b1b1b', '#1b1b1b', '#ffffff', '#ffffff'],
  empty: '#f3f1ec',
  grid: '#d4d0c8',
  axis: '#4a4a4a',
  ink: '#1b1b1b',
  first: '#1f4e5f',
  second: '#7a3b00',
  bubble: 'rgb(31 78 95 / 35%)',
} as const;
