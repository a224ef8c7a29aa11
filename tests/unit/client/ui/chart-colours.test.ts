// Issue 14: the report's charts use colours that pass contrast. They are drawn on a canvas, which
// axe cannot read, so the palette (CHART_COLORS in src/client/ui/tokens.ts) is held to WCAG 2.2
// here: text (axis labels, the numbers written on bars, grid cells and dots) at least 4.5:1
// against what it is written on, and the marks themselves (bars, lines, dots) at least 3:1
// against the chart's card (1.4.11, non-text contrast).
import { describe, expect, it } from 'vitest';
import { CHART_COLORS as C, palette } from '../../../../src/client/ui/tokens.js';

/** The chart's card, as the colour text it is (palette holds Lit CSS values). */
const CARD = String(palette.card);

/** Relative luminance of `#rrggbb` or `rgb(r g b / a%)` laid over `under` (WCAG 2.2). */
function luminance(colour: string, under = CARD): number {
  const [r, g, b] = rgb(colour, under).map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function rgb(colour: string, under: string): number[] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return hex.slice(1).map((h) => parseInt(h, 16));
  const css = /^rgb\((\d+) (\d+) (\d+) \/ (\d+)%\)$/.exec(colour);
  if (!css) throw new Error(`not a colour this test reads: ${colour}`);
  const alpha = Number(css[4]) / 100;
  const base = rgb(under, under);
  return [1, 2, 3].map((i, k) => Number(css[i]) * alpha + base[k]! * (1 - alpha));
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('the report charts’ colours', () => {
  it('reads contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('writes text at 4.5:1 or more on the card', () => {
    for (const ink of [C.ink, C.axis]) expect(contrast(ink, CARD), ink).toBeGreaterThanOrEqual(4.5);
  });

  it('writes each heat cell’s number at 4.5:1 or more on that cell', () => {
    expect(C.heatInk).toHaveLength(C.heat.length);
    C.heat.forEach((fill, i) => {
      expect(contrast(C.heatInk[i]!, fill), `${C.heatInk[i]} on ${fill}`).toBeGreaterThanOrEqual(
        4.5,
      );
    });
  });

  // A dot's fill (C.bubble) is see-through so that dots on top of each other both show; its
  // outline, in C.first, is what marks it out.
  it('draws bars, lines and the dots’ outlines at 3:1 or more against the card', () => {
    for (const mark of [C.first, C.second]) {
      expect(contrast(mark, CARD), mark).toBeGreaterThanOrEqual(3);
    }
  });

  it('writes a dot’s name at 4.5:1 or more over the dot it labels', () => {
    expect(contrast(C.ink, C.bubble)).toBeGreaterThanOrEqual(4.5);
  });
});
