// The real Rove server for end-to-end tests: `node dist/server/main.js` as its own process, on a
// free port, with a throwaway ROVE_DATA_DIR. A separate process (not `startServer` in-process) so
// a test can kill it and start it again on the same data and port, as a library's server restarts.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { freePort } from '../../support/free-port.js';
import { copyPgliteTemplate } from '../../support/pglite-template.js';

/** The repository root (this file is tests/e2e/support/server.ts). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The supervisor password every e2e server starts with. */
export const ADMIN_PASSWORD = 'e2e-admin-password';

export interface RoveProcess {
  /** Base URL, e.g. `http://127.0.0.1:43121` (no trailing slash). */
  url: string;
  port: number;
  dataDir: string;
  /** Everything the process printed, for failure messages. */
  output(): string;
  /** Stops the process (SIGTERM, then SIGKILL); the data dir stays. */
  stop(): Promise<void>;
  /** Stops it and starts it again on the same data dir and port. */
  restart(): Promise<void>;
  /** Stops it and removes its data dir (and its copy of the client, if it had one). */
  dispose(): Promise<void>;
}

interface StartOptions {
  /** Serve this copy of the built client (see copyClient) instead of the build's own. */
  clientDir?: string;
  /** Extra environment variables. */
  env?: Record<string, string>;
}

function requireBuild(distDir: string): string {
  const main = join(distDir, 'server', 'main.js');
  const app = join(distDir, 'client', 'index.html');
  if (!existsSync(main) || !existsSync(app)) {
    throw new Error(
      `The e2e tests run the built app, but ${existsSync(main) ? app : main} is missing. ` +
        'Run `npm run build` first (`npm test` does it for you).',
    );
  }
  return main;
}

/** The build the tests run: `dist/`, or another build's directory named by ROVE_E2E_DIST. */
export const DIST = resolve(ROOT, process.env.ROVE_E2E_DIST ?? 'dist');

/**
 * A private copy of the built client, so a test can change what is served (a new service
 * worker) without touching the shared `dist/`. Returns its directory, for `startRove({clientDir})`.
 */
export function copyClient(): string {
  requireBuild(DIST);
  const root = mkdtempSync(join(tmpdir(), 'rove-e2e-client-'));
  cpSync(join(DIST, 'client'), join(root, 'client'), { recursive: true });
  return join(root, 'client');
}

export async function startRove(options: StartOptions = {}): Promise<RoveProcess> {
  const main = requireBuild(DIST);
  const clientDir = options.clientDir ?? join(DIST, 'client');
  // A copy of the run's migrated store (tests/support/pglite-template.ts): no initdb per server.
  const dataDir = copyPgliteTemplate(inject('pgliteTemplate'), tmpdir());
  const port = await freePort();
  let child: ChildProcess | undefined;
  let log = '';

  const launch = async () => {
    log += `\n--- starting node ${main} on port ${port}\n`;
    const proc = spawn(process.execPath, [main], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        ROVE_DATA_DIR: dataDir,
        ROVE_ADMIN_PASSWORD: ADMIN_PASSWORD,
        ROVE_CLIENT_DIR: clientDir,
        DATABASE_URL: '',
        LOG_LEVEL: 'warn',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    await new Promise<void>((ok, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`Rove did not say it was running within 60 s:\n${log}`)),
        60_000,
      );
      const onData = (chunk: Buffer) => {
        log += chunk.toString();
        if (/Rove is running at http:\/\/\S+/.test(log.slice(log.lastIndexOf('--- starting')))) {
          clearTimeout(timer);
          ok();
        }
      };
      proc.stdout?.on('data', onData);
      proc.stderr?.on('data', (chunk: Buffer) => {
        log += chunk.toString();
      });
      proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        fail(
          new Error(`Rove exited (code ${code}, signal ${signal}) before it was running:\n${log}`),
        );
      });
    });
  };

  const stop = async () => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((ok) => proc.once('exit', () => ok()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  await launch();
  // Never leave a server behind if the test process dies.
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    output: () => log,
    stop,
    restart: async () => {
      await stop();
      await launch();
    },
    dispose: async () => {
      await stop();
      process.removeListener('exit', killOnExit);
      rmSync(dataDir, { recursive: true, force: true });
      if (options.clientDir) rmSync(dirname(options.clientDir), { recursive: true, force: true });
    },
  };
}
