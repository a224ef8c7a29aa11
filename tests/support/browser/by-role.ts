// Find controls the way a screen reader names them: by role and accessible name, looking
// through shadow roots. A small stand-in for Testing Library's queries, enough for our markup.
const ROLE_SELECTORS: Record<string, string> = {
  button: 'button, [role="button"], input[type="submit"]',
  link: 'a[href], [role="link"]',
  textbox:
    'input:not([type]), input[type="text"], input[type="password"], input[type="email"], textarea',
  checkbox: 'input[type="checkbox"], [role="checkbox"]',
  radio: 'input[type="radio"], [role="radio"]',
  combobox: 'select, [role="combobox"]',
  img: 'img, [role="img"]',
  list: 'ul, ol, [role="list"]',
  listitem: 'li, [role="listitem"]',
  alert: '[role="alert"]',
  dialog: 'dialog, [role="dialog"], [role="alertdialog"]',
  status: '[role="status"]',
  heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
  navigation: 'nav, [role="navigation"]',
  group: 'fieldset, [role="group"]',
  region: 'section[aria-label], section[aria-labelledby], [role="region"]',
  form: 'form[aria-label], form[aria-labelledby], [role="form"]',
  table: 'table, [role="table"]',
  columnheader: 'th[scope="col"], [role="columnheader"]',
  rowheader: 'th[scope="row"], [role="rowheader"]',
  cell: 'td, [role="cell"]',
  row: 'tr, [role="row"]',
};

/** Every element under root, descending into open shadow roots. */
export function allDeep(root: ParentNode): Element[] {
  const found: Element[] = [];
  const visit = (node: ParentNode) => {
    for (const el of Array.from(node.querySelectorAll('*'))) {
      found.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return found;
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

export function accessibleName(el: Element): string {
  const scope = el.getRootNode() as Document | ShadowRoot;
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    return squash(
      labelledBy
        .split(/\s+/)
        .map((id) => scope.getElementById?.(id)?.textContent ?? '')
        .join(' '),
    );
  }
  const ariaLabel = el.getAttribute('aria-label');
  if (ariaLabel) return squash(ariaLabel);
  const labels = (el as HTMLInputElement).labels;
  if (labels && labels.length) return squash(Array.from(labels, (l) => l.textContent).join(' '));
  if (el instanceof HTMLFieldSetElement) return squash(el.querySelector('legend')?.textContent);
  if (el instanceof HTMLTableElement && el.caption) return squash(el.caption.textContent);
  return squash(el.textContent);
}

function matches(name: string, wanted: string | RegExp): boolean {
  return typeof wanted === 'string' ? name === wanted : wanted.test(name);
}

export function queryAllByRole(root: ParentNode, role: string, name?: string | RegExp) {
  const selector = ROLE_SELECTORS[role] ?? `[role="${role}"]`;
  return allDeep(root).filter(
    (el) =>
      el.matches(selector) &&
      el.checkVisibility() &&
      (name === undefined || matches(accessibleName(el), name)),
  ) as HTMLElement[];
}

export function getByRole<T extends HTMLElement = HTMLElement>(
  root: ParentNode,
  role: string,
  name?: string | RegExp,
): T {
  const found = queryAllByRole(root, role, name);
  if (found.length === 1) return found[0] as T;
  const seen = queryAllByRole(root, role).map((el) => `"${accessibleName(el)}"`);
  throw new Error(
    `Expected one ${role} named ${String(name)}, found ${found.length}. ${role}s: ${seen.join(', ')}`,
  );
}

/** Wait until `check` stops throwing (the component is waiting for its fetches). */
export async function waitFor<T>(check: () => T, what = 'condition', ms = 3000): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() - start > ms)
        throw new Error(`Timed out waiting for ${what}: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** Type into a field as a user would: set the value and fire input. */
export function typeInto(field: HTMLElement, value: string) {
  (field as HTMLInputElement).value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}
