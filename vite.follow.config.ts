import { defineConfig } from 'vite';

// The patron's follow page (/follow/<token>), built after the app (npm run build:client) into
// the same dist/client, as a build of its own: it shares no chunk with the app, so neither
// page's first load is split by the other, and the app's service worker (built with the app)
// never lists it. It loads only src/client/follow.ts and what that imports.
export default defineConfig({
  build: {
    outDir: 'dist/client',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      input: { follow: 'follow.html' },
      // Its lazy chunks (a language's strings) are the follow page's own, named as such.
      output: { chunkFileNames: 'assets/follow-[name]-[hash].js' },
    },
  },
});
