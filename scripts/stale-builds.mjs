// What `npm start` and `npm run demo` build before they run the server: each build whose output
// is missing or older than its sources, by modification time, so a restart is instant.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const at = (...parts) => join(ROOT, ...parts);

export const SERVER_MAIN = at('dist/server/main.js');
const CLIENT_INDEX = at('dist/client/index.html');

/** Newest modification time under the given files and folders (0 if none exist). */
function newest(paths) {
  let latest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else {
      latest = Math.max(latest, stat.mtimeMs);
    }
  };
  paths.forEach(visit);
  return latest;
}

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

const shared = [at('src/shared'), at('package.json')];
const builds = [
  {
    script: 'build:server',
    output: SERVER_MAIN,
    sources: [...shared, at('src/server'), at('tsconfig.json'), at('tsconfig.server.json')],
  },
  {
    script: 'build:client',
    output: CLIENT_INDEX,
    sources: [
      ...shared,
      at('src/client'),
      at('src/sw'),
      at('index.html'),
      at('public'),
      at('vite.config.ts'),
    ],
  },
];

/**
 * Runs `npm run <script>` for each stale build, the server's first. When one fails,
 * `failed(script, status)` decides what that means (stop, or go on without it).
 */
export function buildWhatIsStale(failed) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  for (const build of builds) {
    const built = mtime(build.output);
    if (built && built >= newest(build.sources)) continue;
    console.log(`Building (${build.script}): ${built ? 'sources changed' : 'no build yet'}...`);
    const result = spawnSync(npm, ['run', build.script], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) failed(build.script, result.status);
  }
}
