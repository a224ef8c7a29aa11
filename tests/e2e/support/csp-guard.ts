// Fails any e2e test during which a page reported a Content Security Policy violation: the
// strict CSP (src/server/app.ts) must never cost the app a script, a style or a request.
import { afterEach, expect } from 'vitest';
import { cspViolations } from './browser.js';

afterEach(() => {
  const seen = cspViolations.splice(0);
  expect(seen, 'Content Security Policy violations in the browser console').toEqual([]);
});
