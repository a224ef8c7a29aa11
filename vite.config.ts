import { defineConfig } from 'vite';
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
    rollupOptions: { input: { index: 'index.html' } },
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  plugins: [
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
        // tablets need not store it.
        globIgnores: ['**/*.map', 'follow.html', 'assets/follow-*.js'],
      },
      devOptions: { enabled: false },
    }),
  ],
});
