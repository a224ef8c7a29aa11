// Touch targets a thumb can hit: every button, field and choice label at least 48 px each way
// (the radio or checkbox inside a label is hit through its label).
import { allDeep } from './by-role.js';

/** Controls under `root` (shadow roots included) smaller than `min` px, in words. */
export function smallTargets(root: Element, min = 48): string[] {
  return allDeep(root)
    .filter(
      (el) =>
        el.matches('button, select, textarea, input:not([type="radio"]):not([type="checkbox"])') ||
        el.matches('label.choice, summary'),
    )
    .filter((el) => el.checkVisibility())
    .map((el) => ({ el, box: el.getBoundingClientRect() }))
    .filter(({ box }) => box.height < min - 0.5 || box.width < min - 0.5)
    .map(
      ({ el, box }) =>
        `${el.localName} "${(el.textContent ?? '').trim()}" ${box.width}x${box.height}`,
    );
}
