// `npm start`: build what is out of date (the client, the server, or neither, by comparing
// modification times, so a restart is instant), then run the server with this environment,
// passing SIGTERM/SIGINT on so it can close streams and the store cleanly.
import { spawn } from 'node:child_process';
import { ROOT, SERVER_MAIN, buildWhatIsStale } from './stale-builds.mjs';

buildWhatIsStale((script, status) => {
  if (script === 'build:server') {
    console.error('The server could not be built; see the errors above.');
    process.exit(status ?? 1);
  }
  // The API still works without the app; the server's front page says to build it.
  console.error('The app (client) could not be built; starting the server anyway.');
});

const server = spawn(process.execPath, [SERVER_MAIN], {
  cwd: ROOT,
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
