// What a person at 200% zoom or on a touch screen runs into, measured in the page: a page wider
// than the window, and controls too small to hit. Looks inside every shadow root (Lit renders
// there), and names each offender so a failure says what to fix.
import type { Page } from 'playwright-core';

/** The viewports of the main screens at 200% zoom: half the width and height of the device. */
export const ZOOMED = {
  /** An 800x1280 portrait kiosk at 200%. */
  kiosk: { width: 400, height: 640 },
  /** A 1280x800 tablet at 200%. */
  tablet: { width: 640, height: 400 },
  /** A 1280x800 supervisor's laptop at 200%. */
  desktop: { width: 640, height: 400 },
} as const;

/** The smallest touch target the project accepts, in CSS px (WCAG 2.5.5 asks for 44). */
export const MIN_TARGET = 48;

/** How far the page scrolls sideways: 0 when it fits the window. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * Every visible control smaller than `min` CSS px in either dimension, described as
 * `<tag> "name" WxH`. A checkbox or radio counts by the label around it, as a tap on the label
 * toggles it.
 */
export async function smallTargets(page: Page, min = MIN_TARGET): Promise<string[]> {
  return page.evaluate((min) => {
    const selector = [
      'button',
      'a[href]',
      'input:not([type="hidden"])',
      'select',
      'textarea',
      'summary',
      '[role="button"]',
      '[role="link"]',
      '[tabindex]:not([tabindex="-1"])',
    ].join(',');
    const found: Element[] = [];
    const walk = (root: Document | ShadowRoot) => {
      found.push(...Array.from(root.querySelectorAll(selector)));
      for (const element of Array.from(root.querySelectorAll('*'))) {
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(document);
    const describe = (element: Element, width: number, height: number) => {
      const name =
        element.getAttribute('aria-label') ??
        (element as HTMLElement).innerText?.trim().replace(/\s+/g, ' ').slice(0, 40) ??
        '';
      const host = (element.getRootNode() as ShadowRoot).host?.localName ?? 'document';
      const type = element instanceof HTMLInputElement ? `[type=${element.type}]` : '';
      return `${host} > ${element.localName}${type} "${name}" ${Math.round(width)}x${Math.round(height)}`;
    };
    const problems: string[] = [];
    for (const element of found) {
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      let box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      // Text visually hidden for screen readers (1x1, clipped) is not a target.
      if (box.width <= 1 && box.height <= 1) continue;
      if (
        element instanceof HTMLInputElement &&
        (element.type === 'checkbox' || element.type === 'radio')
      ) {
        const label = element.closest('label');
        if (label) box = label.getBoundingClientRect();
      }
      if (box.width < min || box.height < min) {
        problems.push(describe(element, box.width, box.height));
      }
    }
    return problems;
  }, min);
}
