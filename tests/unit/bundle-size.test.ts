// Bytes are not noisy, so the kiosk's first-load budget is a test: the gzipped JavaScript a kiosk
// loads for `/` (index.html's module script, its static imports, and the lazy kiosk view) must
// stay within tests/bench/budget.json. Reads dist/client, which `npm test` builds first.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { kioskFirstLoad } from '../bench/bundle.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = join(ROOT, 'dist', 'client');
const budget: number = JSON.parse(
  readFileSync(join(ROOT, 'tests', 'bench', 'budget.json'), 'utf8'),
).kioskFirstLoadJsGzipBytes;

describe('the kiosk first load', () => {
  const load = kioskFirstLoad(DIST);
  const listing = load.files
    .map((f) => `${f.file} (${f.via}): ${f.gzipBytes} B gzipped`)
    .join('\n');

  it('carries the kiosk view itself', () => {
    // The kiosk's elements are defined by tag name, which survives minification.
    const code = load.files.map((f) => readFileSync(join(DIST, f.file), 'utf8')).join('\n');
    expect(code, `no rove-kiosk element among:\n${listing}`).toMatch(/["']rove-kiosk[\w-]*["']/);
  });

  it(`stays within ${budget} bytes of gzipped JavaScript`, () => {
    expect(load.gzipBytes, listing).toBeGreaterThan(0);
    expect(load.gzipBytes, listing).toBeLessThanOrEqual(budget);
  });
});
