// The one focus ring (src/client/ui/shared.styles.ts), read back from the computed style of a
// control that has keyboard focus: a 4px yellow outline over a dark band.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

/** Moves focus onto `control` the way a keyboard user does, so :focus-visible applies. */
export async function keyboardFocus(control: HTMLElement) {
  control.focus();
  // A key press after the move makes Chromium treat the focus as keyboard focus.
  await sendKeys({ press: 'Shift' });
  expect(control.matches(':focus-visible'), 'control has keyboard focus').to.equal(true);
}

const YELLOW = 'rgb(242, 193, 78)';
const INK = 'rgb(27, 27, 27)';

function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+/g) ?? []).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Expects the shared ring on `control`, standing out (3:1 or more) against `background`. */
export function expectSharedRing(control: HTMLElement, background: string) {
  const style = getComputedStyle(control);
  expect(style.outlineStyle).to.equal('solid');
  expect(style.outlineWidth).to.equal('4px');
  expect(style.outlineOffset).to.equal('2px');
  expect(style.outlineColor).to.equal(YELLOW);
  expect(style.boxShadow).to.equal(`${INK} 0px 0px 0px 6px`);
  const best = Math.max(contrast(YELLOW, background), contrast(INK, background));
  expect(best, `ring against ${background}`).to.be.at.least(3);
}

/** The colour behind `el`: the first ancestor (through shadow roots) with a background. */
export function backgroundBehind(el: Element): string {
  let node: Node | null = el.parentNode;
  while (node) {
    if (node instanceof Element) {
      const colour = getComputedStyle(node).backgroundColor;
      if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') return colour;
      node = node.parentNode;
    } else if (node instanceof ShadowRoot) node = node.host;
    else node = null;
  }
  return 'rgb(255, 255, 255)';
}
