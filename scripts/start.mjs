// `npm start`: build what is out of date (the client, the server, or neither, by comparing
// modification times, so a restart is instant), then run the server with this environment,
// passing SIGTERM/SIGINT on so it can close streams and the store cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (...parts) => join(root, ...parts);

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
    output: at('dist/server/main.js'),
    sources: [...shared, at('src/server'), at('tsconfig.json'), at('tsconfig.server.json')],
  },
  {
    script: 'build:client',
    output: at('dist/client/index.html'),
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

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
for (const build of builds) {
  const built = mtime(build.output);
  if (built && built >= newest(build.sources)) continue;
  console.log(`Building (${build.script}): ${built ? 'sources changed' : 'no build yet'}...`);
  const result = spawnSync(npm, ['run', build.script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    if (build.script === 'build:server') {
      console.error('The server could not be built; see the errors above.');
      process.exit(result.status ?? 1);
    }
    // The API still works without the app; the server's front page says to build it.
    console.error('The app (client) could not be built; starting the server anyway.');
  }
}

const server = spawn(process.execPath, [at('dist/server/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
