// What a kiosk downloads to show `/`: the module script(s) of the built index.html, everything
// they import statically, and the lazily loaded kiosk view with its own static imports. Read
// from dist/client after `npm run build`; `wireBytesOf` then asks the running server for them
// and counts the bytes it really sends (brotli or gzip from the build's copies).
import { existsSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

interface BundleFile {
  /** Path under dist/client, e.g. `assets/index-abc123.js`. */
  file: string;
  bytes: number;
  gzipBytes: number;
  /** Why it is loaded: the page's entry, a static import, or the kiosk view. */
  via: 'entry' | 'static' | 'kiosk-view';
}

interface KioskFirstLoad {
  files: BundleFile[];
  gzipBytes: number;
  bytes: number;
  /** The lazily loaded kiosk view chunk(s) found; empty if the kiosk view is in the entry. */
  kioskChunks: string[];
}

const STATIC_IMPORT = /\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.m?js)["']/g;
const STATIC_EXPORT =
  /\bexport\s*(?:\*(?:\s*as\s*[\w$]+)?|\{[^}]*\})\s*from\s*["']([^"']+\.m?js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+\.m?js)["']\s*\)/g;
const KIOSK_NAME = /kiosk/i;

/** Scripts and modulepreload links of the built index.html, as dist-relative paths. */
function entryScripts(distClient: string): string[] {
  return scriptsOfHtml(distClient, readFileSync(join(distClient, 'index.html'), 'utf8'));
}

/**
 * Scripts (module or classic, such as index.html's route preloader) and modulepreload links of a
 * page's HTML, as dist-relative paths.
 */
function scriptsOfHtml(distClient: string, html: string): string[] {
  const found = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    const src = /\bsrc=["']?([^"'\s>]+)/.exec(tag)?.[1];
    if (src) found.add(resolveFrom(distClient, '', src));
  }
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    if (!/rel=["']?modulepreload/.test(tag)) continue;
    const href = /\bhref=["']?([^"'\s>]+)/.exec(tag)?.[1];
    if (href) found.add(resolveFrom(distClient, '', href));
  }
  return [...found];
}

/** `spec` imported from dist-relative `from` (or from index.html when `from` is ''). */
function resolveFrom(distClient: string, from: string, spec: string): string {
  if (/^[a-z]+:\/\//i.test(spec)) throw new Error(`The kiosk loads an external script: ${spec}`);
  const path = spec.startsWith('/')
    ? spec.slice(1)
    : posix.normalize(posix.join(posix.dirname(from || 'index.html'), spec));
  if (!existsSync(join(distClient, path))) {
    throw new Error(`${from || 'index.html'} loads ${spec}, which is not in ${distClient}`);
  }
  return path;
}

function imports(distClient: string, file: string, pattern: RegExp): string[] {
  const code = readFileSync(join(distClient, file), 'utf8');
  return [...code.matchAll(pattern)].map((match) => resolveFrom(distClient, file, match[1]!));
}

/** `roots` and everything they import statically, transitively. */
function staticClosure(distClient: string, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(
      ...imports(distClient, file, STATIC_IMPORT),
      ...imports(distClient, file, STATIC_EXPORT),
    );
  }
  return seen;
}

/**
 * What a page whose HTML is `html` loads before it shows anything: its module scripts and their
 * static imports (the follow page has no lazy view). Dist-relative paths.
 */
export function pageFirstLoad(distClient: string, html: string): string[] {
  return [...staticClosure(distClient, scriptsOfHtml(distClient, html))];
}

/**
 * The route preloader's table in the built index.html: for each screen (`kiosk`, `staff`, ...),
 * the chunks index.html preloads when its address names that screen (absolute URLs).
 */
export function routePreloads(distClient: string): {
  script: string;
  routes: Record<string, string[]>;
} {
  const page = readFileSync(join(distClient, 'index.html'), 'utf8');
  const script = /<script async src="\/(assets\/route-preload-[\w-]+\.js)"/.exec(page)?.[1];
  if (!script) throw new Error('The built index.html has no route preloader');
  const code = readFileSync(join(distClient, script), 'utf8');
  const table = /\}\)\((\{.*\})\)\s*$/.exec(code)?.[1];
  if (!table) throw new Error(`No route table at the end of ${script}:\n${code}`);
  return { script, routes: JSON.parse(table) as Record<string, string[]> };
}

/**
 * What a browser loads to show the screen `route` of the app (`staff` for a tablet's queue):
 * index.html's scripts and their static imports, and the chunks it preloads for that screen
 * with theirs. Dist-relative paths.
 */
export function screenFirstLoad(distClient: string, route: string): string[] {
  const shell = entryScripts(distClient);
  const screen = routePreloads(distClient).routes[route];
  if (!screen?.length) throw new Error(`index.html preloads nothing for the ${route} screen`);
  const chunks = screen.map((url) => resolveFrom(distClient, '', url));
  return [...staticClosure(distClient, [...shell, ...chunks])];
}

export function kioskFirstLoad(distClient: string): KioskFirstLoad {
  if (!existsSync(join(distClient, 'index.html'))) {
    throw new Error(`${distClient}/index.html is missing: run \`npm run build\` first`);
  }
  const entries = entryScripts(distClient);
  if (entries.length === 0) throw new Error('The built index.html loads no module script');
  const shell = staticClosure(distClient, entries);
  const lazy = new Set<string>();
  for (const file of shell) {
    for (const target of imports(distClient, file, DYNAMIC_IMPORT)) {
      if (!shell.has(target) && KIOSK_NAME.test(posix.basename(target))) lazy.add(target);
    }
  }
  const kiosk = staticClosure(distClient, [...lazy]);
  const files: BundleFile[] = [];
  for (const file of new Set([...shell, ...kiosk])) {
    const buffer = readFileSync(join(distClient, file));
    const via = entries.includes(file) ? 'entry' : lazy.has(file) ? 'kiosk-view' : 'static';
    files.push({
      file,
      bytes: buffer.length,
      gzipBytes: gzipSync(buffer, { level: 9 }).length,
      via,
    });
  }
  files.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    files,
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    kioskChunks: [...lazy],
  };
}

/** Gzipped size of each of `urls` (as a browser saw them) found in dist/client. */
export function gzipOfLoaded(distClient: string, urls: readonly string[]): number {
  let total = 0;
  for (const url of urls) {
    const path = join(distClient, new URL(url).pathname);
    if (!relative(distClient, path).startsWith('..') && existsSync(path)) {
      total += gzipSync(readFileSync(path), { level: 9 }).length;
    }
  }
  return total;
}

export const distClientOf = (root: string) => join(root, 'dist', 'client');

export interface WireFile {
  file: string;
  /** Bytes of the body as the server sent it (compressed, if it compressed it). */
  wireBytes: number;
  /** `Content-Encoding` of the answer: `br`, `gzip`, or `identity`. */
  encoding: string;
  cacheControl: string;
}

/**
 * What the running server at `base` actually sends for each of `files` to a browser that says
 * `Accept-Encoding: br, gzip`: bytes on the wire, not a gzip computed here. Node's own
 * http client, which (unlike fetch) never decompresses, so the body is counted as it came.
 */
export async function wireBytesOf(base: string, files: readonly string[]): Promise<WireFile[]> {
  const { request } = await import('node:http');
  const one = (file: string) =>
    new Promise<WireFile>((resolve, reject) => {
      const call = request(
        `${base.replace(/\/$/, '')}/${file}`,
        { headers: { 'accept-encoding': 'br, gzip' } },
        (response) => {
          let wireBytes = 0;
          response.on('data', (chunk: Buffer) => (wireBytes += chunk.length));
          response.on('end', () => {
            if (response.statusCode !== 200) {
              reject(new Error(`GET /${file} answered ${response.statusCode}`));
              return;
            }
            resolve({
              file,
              wireBytes,
              encoding: String(response.headers['content-encoding'] ?? 'identity'),
              cacheControl: String(response.headers['cache-control'] ?? ''),
            });
          });
          response.on('error', reject);
        },
      );
      call.on('error', reject);
      call.end();
    });
  const out: WireFile[] = [];
  for (const file of files) out.push(await one(file));
  return out;
}
