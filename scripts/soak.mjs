// `npm run soak`: builds the app if dist/ is missing or older than the sources (as
// `npm run bench` does), bundles the TypeScript soak (tests/bench/soak-cli.ts) with esbuild and
// runs it. Started with --experimental-websocket (package.json): the soak reads the server's
// memory over the inspector protocol, a WebSocket, and Node 20 has no WebSocket without it.
// Options are passed through: see tests/bench/README.md, "Soak".
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const built = Math.min(
  newest(join(root, 'dist', 'server', 'main.js')),
  newest(join(root, 'dist', 'client', 'index.html')),
);
const sources = Math.max(
  ...['src', 'public', 'index.html', 'package.json', 'tsconfig.json', 'tsconfig.server.json']
    .concat(['vite.config.ts'])
    .map((path) => newest(join(root, path))),
);
if (built === 0 || sources > built) {
  console.log('Building the app first (npm run build)...');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}

const outfile = join(root, 'node_modules', '.cache', 'rove-bench', 'soak-cli.mjs');
await build({
  entryPoints: [join(root, 'tests', 'bench', 'soak-cli.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const { main } = await import(pathToFileURL(outfile).href);
process.exitCode = await main(process.argv.slice(2), root);
