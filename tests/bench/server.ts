// The server under test, always its own process (as in production), so its CPU and memory are
// its own: `node dist/server/main.js`, or `node scripts/start.mjs` for the start-up figure.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  utimesSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildSync } from 'esbuild';
import { call, sleep } from './http.js';
import { freePort } from '../support/free-port.js';

export const ADMIN_PASSWORD = 'bench-admin-password';

export interface ServerProcess {
  /** e.g. `http://127.0.0.1:41234`, no trailing slash. */
  url: string;
  child: ChildProcess;
  /** Everything it printed, for error messages. */
  output(): string;
  /** Resident memory of the Node process that serves HTTP, in KiB. */
  rssKb(): number;
  /** SIGTERM, then SIGKILL after 10 s. */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  root: string;
  dataDir: string;
  databaseUrl?: string;
  /**
   * `main` runs dist/server/main.js; `start` runs scripts/start.mjs (what `npm start` does);
   * `reference` runs the bench's reference server (reference-server.ts, built by snapshotApp);
   * `floor` the reference writing each change to the store (floor-server.ts).
   */
  entry?: 'main' | 'start' | 'reference' | 'floor';
  /** Extra flags for node, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  env?: Record<string, string>;
  /** The port to listen on (`startTimed` picks a free one when absent). */
  port?: number;
}

/** Where snapshotApp puts the built reference server, in the app copy. */
const REFERENCE_ENTRY = join('tests', 'bench', 'reference-server.mjs');
/** And the store floor (floor-server.ts). */
const FLOOR_ENTRY = join('tests', 'bench', 'floor-server.mjs');

const running = new Set<ChildProcess>();
// Never leave a server behind, whatever ends the bench.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * A private copy of the built app (dist/, package.json, scripts/start.mjs with the module it
 * imports, the GC probe, and a link to node_modules), so a rebuild of the shared dist/ by someone
 * else mid-bench changes nothing under the bench's feet. Answers the copy's root; `dispose`
 * removes it.
 */
export function snapshotApp(root: string): { root: string; dispose: () => void } {
  for (const needed of ['dist/server/main.js', 'dist/client/index.html']) {
    if (!existsSync(join(root, needed))) {
      throw new Error(`${needed} is missing: run \`npm run build\` first`);
    }
  }
  const copy = mkdtempSync(join(tmpdir(), 'rove-bench-app-'));
  cpSync(join(root, 'dist'), join(copy, 'dist'), { recursive: true });
  cpSync(join(root, 'package.json'), join(copy, 'package.json'));
  mkdirSync(join(copy, 'scripts'));
  // start.mjs and the module it builds with (an older checkout may lack either).
  for (const script of ['start.mjs', 'stale-builds.mjs']) {
    const from = join(root, 'scripts', script);
    if (existsSync(from)) cpSync(from, join(copy, 'scripts', script));
  }
  // The memory figure's GC probe (see gc-probe.mjs), loaded into the server only for it.
  mkdirSync(join(copy, 'tests', 'bench'), { recursive: true });
  cpSync(
    join(root, 'tests', 'bench', 'gc-probe.mjs'),
    join(copy, 'tests', 'bench', 'gc-probe.mjs'),
  );
  // The reference server, bundled with esbuild (already installed with Vite) to plain JS; the
  // store floor with Rove's store drivers bundled in and their packages from node_modules.
  for (const [entry, outfile, external] of [
    ['reference-server.ts', REFERENCE_ENTRY, false],
    ['floor-server.ts', FLOOR_ENTRY, true],
  ] as const) {
    buildSync({
      entryPoints: [join(root, 'tests', 'bench', entry)],
      outfile: join(copy, outfile),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
      ...(external ? { packages: 'external' as const } : {}),
    });
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  // The copy has no sources, but start.mjs also compares package.json: mark the build newest
  // so `npm start` in the copy never decides to rebuild (and the start-up figure never times it).
  const now = new Date();
  for (const built of ['dist/server/main.js', 'dist/client/index.html']) {
    utimesSync(join(copy, built), now, now);
  }
  return { root: copy, dispose: () => rmSync(copy, { recursive: true, force: true }) };
}

function launch(options: SpawnOptions, port: number): { child: ChildProcess; log: () => string } {
  const entry =
    options.entry === 'start'
      ? join(options.root, 'scripts', 'start.mjs')
      : options.entry === 'reference'
        ? join(options.root, REFERENCE_ENTRY)
        : options.entry === 'floor'
          ? join(options.root, FLOOR_ENTRY)
          : join(options.root, 'dist', 'server', 'main.js');
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), entry], {
    cwd: options.root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      ROVE_DATA_DIR: options.dataDir,
      DATABASE_URL: options.databaseUrl ?? '',
      ROVE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      // The bench stands up to 1000 tablets' streams on a few dozen staff sessions; the cap
      // per session (default 4) is tested in tests/unit/protocol/stream-limits.test.ts.
      ROVE_STREAMS_PER_DEVICE: '100000',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  // Keep the start of the output (where it says where it runs) and a bounded tail: a busy
  // server logs every request, and the bench must not hold all of that.
  let head = '';
  let tail = '';
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    if (head.length < 16_384) head += text;
    else tail = (tail + text).slice(-16_384);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, log: () => (tail ? `${head}\n...\n${tail}` : head) };
}

function handle(child: ChildProcess, url: string, log: () => string): ServerProcess {
  return {
    url,
    child,
    output: log,
    rssKb: () => readRssKb(servingPid(child.pid!)),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Starts the server and waits for its "Rove is running at http://..." line (the reference
 * server's "The reference server is running at ...").
 */
export async function startServer(options: SpawnOptions): Promise<ServerProcess> {
  const { child, log } = launch(options, 0);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server did not say it was running within 60 s:\n${log()}`));
    }, 60_000);
    const look = () => {
      const found = /(?:Rove|The reference server) is running at (http:\/\/[^\s/]+)/.exec(log());
      if (found) {
        clearTimeout(timer);
        // Only ever 127.0.0.1, whatever name the server prints for itself.
        resolve(found[1]!.replace(/\/\/(localhost|0\.0\.0\.0)/, '//127.0.0.1'));
      }
    };
    child.stdout?.on('data', look);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code ?? signal}) before it was running:\n${log()}`));
    });
  });
  return handle(child, url, log);
}

/**
 * Starts the server on a known port and polls `/api/health` from the moment of spawning:
 * answers the process and how long it took to answer `200 {ok: true}`.
 */
export async function startTimed(
  options: SpawnOptions,
): Promise<{ server: ServerProcess; healthyMs: number }> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const { child, log } = launch(options, port);
  const deadline = started + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited before healthy:\n${log()}`);
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server was not healthy within 60 s:\n${log()}`);
    }
    const answer = await call(url, 'GET', '/api/health').catch(() => undefined);
    if (answer?.status === 200 && answer.body?.ok === true) break;
    await sleep(10);
  }
  return { server: handle(child, url, log), healthyMs: performance.now() - started };
}

/**
 * The process that actually serves: `scripts/start.mjs` may run the server in a child, so
 * take the deepest Node descendant running dist/server/main.js, else the process itself.
 */
export function servingPid(pid: number): number {
  const queue = [pid];
  let found = pid;
  while (queue.length) {
    const current = queue.shift()!;
    const cmdline = readProc(`/proc/${current}/cmdline`).replaceAll('\0', ' ');
    if (cmdline.includes(join('dist', 'server', 'main.js'))) found = current;
    queue.push(...childrenOf(current));
  }
  return found;
}

function childrenOf(pid: number): number[] {
  const tasks = `/proc/${pid}/task`;
  if (!existsSync(tasks)) return [];
  return readdirSync(tasks).flatMap((tid) =>
    readProc(`${tasks}/${tid}/children`).split(/\s+/).filter(Boolean).map(Number),
  );
}

function readProc(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** VmRSS of `pid` in KiB (NaN if it is gone). */
function readRssKb(pid: number): number {
  const found = /VmRSS:\s+(\d+)\s+kB/.exec(readProc(`/proc/${pid}/status`));
  return found ? Number(found[1]) : NaN;
}
