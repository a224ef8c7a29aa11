import { createHash } from 'node:crypto';
import { defineConfig, type Plugin } from 'vite';
import type { GetManualChunk, OutputBundle, OutputChunk } from 'rollup';
import { VitePWA } from 'vite-plugin-pwa';

// Baked into the service worker: two builds with different ROVE_BUILD_ID values always give two
// different workers, which is how the e2e tests make a new version wait (see src/sw/README.md).
const buildId = process.env.ROVE_BUILD_ID ?? 'local';

// The app is served by the Rove server from dist/client; `npm run dev` proxies the API to it.
export default defineConfig({
  define: {
    __ROVE_BUILD_ID__: JSON.stringify(buildId),
  },
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Terser rather than esbuild's minifier: measured on the kiosk's first load (shell, kiosk
    // view and what they import), its output gzips 2.5 KB smaller, most of it in Dexie.
    minify: 'terser',
    terserOptions: { module: true, compress: { passes: 2 } },
    // The patron's follow page (/follow/<token>) is built by vite.follow.config.ts, on its own:
    // built together, the two pages would share chunks, and the kiosk's first load would be
    // split into more files that compress worse.
    rollupOptions: { input: { index: 'index.html' }, output: { manualChunks: kioskCore() } },
  },
  resolve: { alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }] },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  plugins: [
    routePreload(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'service-worker.ts',
      injectRegister: false,
      registerType: 'prompt',
      // public/manifest.webmanifest is written by hand (and copied as it is).
      manifest: false,
      injectManifest: {
        // Every JS chunk, lazy views included, so any route opens offline after one visit.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2}'],
        // The follow page is for a patron's phone, which never installs the worker: kiosks and
        // tablets need not store it. Nor the report's chart library (Chart.js, about 50 kB sent):
        // the Report screen needs the network for its figures anyway, so it fetches the library
        // when it draws a chart, and no kiosk or tablet ever downloads it.
        globIgnores: ['**/*.map', 'follow.html', 'assets/follow-*.js', 'assets/report-charts-*.js'],
      },
      devOptions: { enabled: false },
    }),
  ],
});

/**
 * Each screen's chunk (`src/client/features/<screen>/rove-<screen>-view.ts`, loaded by a dynamic
 * import in routes.ts) and the chunks it imports statically, preloaded from index.html for the
 * screen the address names. Without it the browser learns of the screen's chunk only once the
 * shell has downloaded and run, one more round trip before the first screen paints (Lighthouse's
 * critical chain on the kiosk, the tablet and Scripts: HTML, shell, screen chunk). A small script
 * picks the screen's list by the address; a `<link rel="modulepreload">` per screen in the HTML
 * would fetch every screen on every load.
 */
function routePreload(): Plugin {
  return {
    name: 'rove-route-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return html;
        const entry = Object.values(bundle).find(
          (c): c is OutputChunk => c.type === 'chunk' && c.isEntry,
        );
        const shell = new Set(entry ? [entry.fileName, ...entry.imports] : []);
        const routes: Record<string, string[]> = {};
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.isDynamicEntry) continue;
          // The chunk holding the view's module (rollup names no facade when it merged others).
          const screen = chunk.moduleIds
            .map((id) => /features\/(\w+)\/rove-\1-view\.ts$/.exec(id))
            .find(Boolean);
          if (!screen) continue;
          routes[screen[1]!] = staticImports(bundle, chunk.fileName)
            .filter((file) => !shell.has(file))
            .map((file) => `/${file}`);
        }
        const source =
          `(function(r){var l=r[location.pathname.split('/')[1]]||[];` +
          `for(var i=0;i<l.length;i++){var e=document.createElement('link');` +
          `e.rel='modulepreload';e.href=l[i];document.head.appendChild(e)}})(${JSON.stringify(routes)})\n`;
        // A file of its own, not inline: the server's Content-Security-Policy allows scripts
        // from 'self' only. Classic and async, so it runs as soon as it arrives (it is small,
        // and fetched alongside the shell), well before the shell has run.
        const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8);
        const fileName = `assets/route-preload-${hash}.js`;
        bundle[fileName] = {
          type: 'asset',
          fileName,
          name: undefined,
          names: [],
          originalFileName: null,
          originalFileNames: [],
          source,
          needsCodeReference: false,
        };
        return [{ tag: 'script', attrs: { async: true, src: `/${fileName}` }, injectTo: 'head' }];
      },
    },
  };
}

/** `file` and every chunk it imports statically, directly or not. */
function staticImports(bundle: OutputBundle, file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const chunk = bundle[file];
  if (chunk?.type === 'chunk') for (const dep of chunk.imports) staticImports(bundle, dep, seen);
  return [...seen];
}

/**
 * The shell's modules stay in the shell's chunk, and the shared code the kiosk screen needs
 * beyond the shell (the sync engine, the outbox, live queries, the stream) goes in one chunk,
 * `core`. Left to itself, rollup splits that code by which screens share which module: seven
 * files on the kiosk's first load, which compress worse than one (about 1 KB more gzip,
 * measured with tests/bench/bundle.ts). The tablet, Scripts and admin screens load the same
 * chunk; its kiosk-only part is small. Modules only imported dynamically (`import()`) are not
 * followed, so what a screen loads later stays out of both.
 */
function kioskCore(): GetManualChunk {
  const KIOSK_VIEW = /\/features\/kiosk\/rove-kiosk-view\.ts$/;
  let shell: Set<string> | undefined;
  let kioskPath: Set<string> | undefined;
  return (id, { getModuleIds, getModuleInfo }) => {
    if (!shell || !kioskPath) {
      const ids = [...getModuleIds()];
      const closure = (roots: string[]) => {
        const seen = new Set<string>();
        const queue = [...roots];
        for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
          if (seen.has(next)) continue;
          seen.add(next);
          queue.push(...(getModuleInfo(next)?.importedIds ?? []));
        }
        return seen;
      };
      shell = closure(ids.filter((i) => getModuleInfo(i)?.isEntry));
      kioskPath = closure(ids.filter((i) => KIOSK_VIEW.test(i)));
    }
    if (shell.has(id)) return 'shell';
    if (kioskPath.has(id) && !id.includes('/features/kiosk/')) return 'core';
    return undefined;
  };
}
