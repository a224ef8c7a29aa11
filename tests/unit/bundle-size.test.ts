// Bytes are not noisy, so the kiosk's first-load budget is a test: the JavaScript a kiosk loads
// for `/` (index.html's module script, its static imports, and the lazy kiosk view), measured as
// the running server sends it to a browser accepting `br, gzip`, must stay within
// tests/bench/budget.json (and so must the follow page, below). Reads dist/client, which
// `npm test` builds first.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  kioskFirstLoad,
  pageFirstLoad,
  routePreloads,
  screenFirstLoad,
  wireBytesOf,
  type WireFile,
} from '../bench/bundle.js';
import { TestServer } from '../support/server.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = join(ROOT, 'dist', 'client');
const budget: number = JSON.parse(
  readFileSync(join(ROOT, 'tests', 'bench', 'budget.json'), 'utf8'),
).kioskFirstLoadJsWireBytes;
const beforeIssue10: number = JSON.parse(
  readFileSync(join(ROOT, 'tests', 'bench', 'budget.json'), 'utf8'),
).kioskFirstLoadGzipBytesBeforeIssue10;

describe('the kiosk first load', () => {
  const load = kioskFirstLoad(DIST);
  const server = new TestServer('pglite', { clientDir: DIST });
  let wire: WireFile[] = [];
  const listing = () =>
    wire
      .map((f) => `${f.file}: ${f.wireBytes} B sent (${f.encoding}), ${f.cacheControl}`)
      .join('\n');

  beforeAll(async () => {
    await server.start();
    wire = await wireBytesOf(
      server.url,
      load.files.map((f) => f.file),
    );
  });
  afterAll(() => server.close());

  it('carries the kiosk view itself', () => {
    // The kiosk's elements are defined by tag name, which survives minification.
    const code = load.files.map((f) => readFileSync(join(DIST, f.file), 'utf8')).join('\n');
    expect(code, `no rove-kiosk element among:\n${listing()}`).toMatch(/["']rove-kiosk[\w-]*["']/);
  });

  it('leaves the steps after "Ask me", and the QR encoder, to load after the start screen', () => {
    // Issue 10: only the start screen is needed to show the kiosk; the topics, details and
    // ticket screens come in one chunk the view imports once it has shown. Issue 12:
    // qrcode-generator is imported lazily by <rove-follow-qr>, when a ticket has a link.
    const code = load.files.map((f) => readFileSync(join(DIST, f.file), 'utf8')).join('\n');
    // Each module is in one chunk: the elements the steps chunk defines are not in the first load.
    expect(code, listing()).not.toContain('bad maskPattern');
    const steps = readdirSync(join(DIST, 'assets')).filter((f) => /^kiosk-steps-.*\.js$/.test(f));
    expect(steps).toHaveLength(1);
    expect(load.files.map((f) => f.file)).not.toContain(`assets/${steps[0]}`);
    expect(code, 'the kiosk view imports the steps chunk').toContain(steps[0]);
    const stepsCode = readFileSync(join(DIST, 'assets', steps[0]!), 'utf8');
    for (const tag of ['topic-picker', 'kiosk-details', 'kiosk-ticket', 'follow-qr'])
      expect(stepsCode).toMatch(new RegExp(`["']rove-${tag}["']`));
    expect(stepsCode).not.toContain('bad maskPattern');
  });

  // Issue 14: Chart.js (the Report screen's charts) loads by a dynamic import when a chart is
  // drawn: never in the kiosk's first load, nor statically with any screen.
  it("leaves the report's chart library to load when a chart is drawn", () => {
    const CHART_JS = 'Canvas is already in use';
    const code = load.files.map((f) => readFileSync(join(DIST, f.file), 'utf8')).join('\n');
    expect(code, listing()).not.toContain(CHART_JS);
    const assets = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
    const holders = assets.filter((f) =>
      readFileSync(join(DIST, 'assets', f), 'utf8').includes(CHART_JS),
    );
    expect(holders).toHaveLength(1);
    const chunk = holders[0]!;
    for (const file of assets) {
      const text = readFileSync(join(DIST, 'assets', file), 'utf8');
      const statically = new RegExp(`(from|import)\\s*["']\\./${chunk.replace(/\./g, '\\.')}["']`);
      expect(statically.test(text), `${file} imports ${chunk} statically`).toBe(false);
    }
    // Nor does the service worker fetch it into every kiosk's and tablet's cache: it is not in
    // the precache list (the Report screen fetches it online, as it does its figures).
    const worker = readFileSync(join(DIST, 'service-worker.js'), 'utf8');
    expect(worker).toContain('rove-admin-report-');
    expect(worker, 'the precache list').not.toContain(chunk);
  });

  // Issue 15: the kiosk view's chunk was fetched only once the shell had run, one round trip
  // more before the kiosk could paint. index.html preloads the chunks of the screen its address
  // names, and for /kiosk those are exactly the rest of the kiosk's first load.
  it('is preloaded by index.html for /kiosk, nothing more', () => {
    const { routes } = routePreloads(DIST);
    const preloaded = routes.kiosk!.map((url) => url.replace(/^\//, '')).sort();
    const rest = load.files
      .filter((f) => f.via !== 'entry' && !f.file.startsWith('assets/route-preload-'))
      .map((f) => f.file);
    expect(preloaded).toEqual(rest.sort());
    expect(Object.keys(routes).sort()).toEqual(['admin', 'enroll', 'kiosk', 'scripts', 'staff']);
  });

  it('is sent compressed, and cached for good (hashed file names)', () => {
    for (const file of wire) {
      expect(file.encoding, listing()).toBe('br');
      expect(file.cacheControl, listing()).toBe('public, max-age=31536000, immutable');
    }
  });

  it(`stays within ${budget} bytes on the wire`, () => {
    const total = wire.reduce((sum, f) => sum + f.wireBytes, 0);
    expect(total, listing()).toBeGreaterThan(0);
    expect(total, listing()).toBeLessThanOrEqual(budget);
  });

  // Issue 10: the client's new house must leave the kiosk's first load no bigger than it was
  // before (3f3b96b: 58,949 bytes, each file gzipped at level 9 and summed, by kioskFirstLoad).
  it(`is no bigger than before issue 10 (${beforeIssue10} bytes gzipped)`, () => {
    const files = load.files.map((f) => `${f.file}: ${f.gzipBytes} B gzip`).join('\n');
    expect(load.gzipBytes, files).toBeLessThanOrEqual(beforeIssue10);
  });
});

// A rover's tablet is as cheap as a kiosk and often on worse Wi-Fi: what it loads to show the
// queue (`/staff`: the shell, and the chunks index.html preloads for that screen) is held to
// tabletFirstLoadJsWireBytes on the wire, so it cannot grow unnoticed either.
describe('the tablet first load', () => {
  const server = new TestServer('pglite', { clientDir: DIST });
  const tabletBudget: number = JSON.parse(
    readFileSync(join(ROOT, 'tests', 'bench', 'budget.json'), 'utf8'),
  ).tabletFirstLoadJsWireBytes;
  const files = screenFirstLoad(DIST, 'staff');
  let wire: WireFile[] = [];

  beforeAll(async () => {
    await server.start();
    wire = await wireBytesOf(server.url, files);
  });
  afterAll(() => server.close());

  it(`carries the queue, and stays within ${tabletBudget} bytes on the wire`, () => {
    const code = files.map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');
    expect(code).toMatch(/["']rove-staff-view["']/);
    expect(code, "the report charts are the Report screen's alone").not.toContain(
      'Canvas is already in use',
    );
    const listing = wire.map((f) => `${f.file}: ${f.wireBytes} B (${f.encoding})`).join('\n');
    const total = wire.reduce((sum, f) => sum + f.wireBytes, 0);
    for (const file of wire) expect(file.encoding, listing).toBe('br');
    expect(total, listing).toBeGreaterThan(0);
    expect(total, listing).toBeLessThanOrEqual(tabletBudget);
  });
});

// Issue 12: the patron's follow page (`/follow/<token>`) is a light page of its own. What the
// server sends for that path, the scripts that HTML loads and their static imports, measured the
// same way, within followPageJsWireBytes, and with nothing of the staff, admin or kiosk screens,
// Dexie or Workbox in it.
describe('the follow page', () => {
  const server = new TestServer('pglite', { clientDir: DIST });
  const followBudget: number = JSON.parse(
    readFileSync(join(ROOT, 'tests', 'bench', 'budget.json'), 'utf8'),
  ).followPageJsWireBytes;
  let page = '';
  let files: string[] = [];
  let wire: WireFile[] = [];
  const listing = () =>
    wire
      .map((f) => `${f.file}: ${f.wireBytes} B sent (${f.encoding}), ${f.cacheControl}`)
      .join('\n');

  beforeAll(async () => {
    await server.start();
    const response = await fetch(`${server.url}/follow/${'A'.repeat(43)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    page = await response.text();
    files = pageFirstLoad(DIST, page);
    wire = await wireBytesOf(server.url, files);
  });
  afterAll(() => server.close());

  it('is served its own HTML, not the app shell', () => {
    expect(page).toContain('<rove-follow-page>');
    expect(page).not.toContain('<rove-app>');
    expect(page).not.toContain('manifest');
  });

  it('loads none of the staff, admin or kiosk code, nor Dexie or Workbox', () => {
    const code = files.map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');
    expect(code).toMatch(/["']rove-follow-page["']/);
    for (const banned of [
      /["']rove-(staff|admin|kiosk|app)[\w-]*["']/,
      /Dexie/,
      /workbox/i,
      /serviceWorker\.register/,
    ]) {
      expect(code, `${banned} found in:\n${listing()}`).not.toMatch(banned);
    }
  });

  it('is sent compressed, and cached for good (hashed file names)', () => {
    expect(wire.length).toBeGreaterThan(0);
    for (const file of wire) {
      expect(file.encoding, listing()).toBe('br');
      expect(file.cacheControl, listing()).toBe('public, max-age=31536000, immutable');
    }
  });

  it(`stays within ${followBudget} bytes on the wire`, () => {
    const total = wire.reduce((sum, f) => sum + f.wireBytes, 0);
    expect(total, listing()).toBeGreaterThan(0);
    expect(total, listing()).toBeLessThanOrEqual(followBudget);
  });
});
