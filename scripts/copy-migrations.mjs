// tsc compiles only TypeScript: copy the store's SQL migrations next to the compiled store.
import { cpSync, mkdirSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const from = fileURLToPath(new URL('../src/server/store/migrations/', import.meta.url));
const to = fileURLToPath(new URL('../dist/server/store/migrations/', import.meta.url));
mkdirSync(to, { recursive: true });
cpSync(from, to, {
  recursive: true,
  filter: (path) => !basename(path).includes('.') || path.endsWith('.sql'),
});
