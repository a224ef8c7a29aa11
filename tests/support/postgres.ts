// A throwaway PostgreSQL cluster for the test run: initdb into a temp dir, start it on a free
// port with its socket in that dir, and hand out one fresh database per suite. We run as root
// on CI, and PostgreSQL refuses to run as root, so the cluster belongs to user `postgres`.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.js';

export interface PgCluster {
  /** URL of the `postgres` database, for creating more databases. */
  adminUrl: string;
  /** A brand-new empty database on this cluster, as a `postgres://` URL. */
  createDatabase(): Promise<string>;
  /** Stops the server and removes every file it made. Safe to call twice. */
  stop(): Promise<void>;
  /** Stops PostgreSQL (fast shutdown: sessions end), keeping its files, as an outage would. */
  pause(): void;
  /** Starts it again on the same port and files, after `pause`. */
  resume(): void;
}

/** The directory with initdb and pg_ctl: PostgreSQL 15 as the brief says, else the newest. */
function findPostgresBin(): string | undefined {
  const fromEnv = process.env.ROVE_PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  const preferred = '/usr/lib/postgresql/15/bin';
  if (existsSync(join(preferred, 'initdb'))) return preferred;
  if (!existsSync('/usr/lib/postgresql')) return undefined;
  const versions = readdirSync('/usr/lib/postgresql')
    .filter((v) => existsSync(join('/usr/lib/postgresql', v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join('/usr/lib/postgresql', versions[0], 'bin') : undefined;
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL tool as the cluster's owner. */
function runAsOwner(bin: string, tool: string, args: string[]): void {
  const file = join(bin, tool);
  const [cmd, argv] = isRoot()
    ? ['runuser', ['-u', 'postgres', '--', file, ...args]]
    : [file, args];
  execFileSync(cmd, argv as string[], { stdio: 'pipe' });
}

function ownerIds(): { uid: number; gid: number } {
  if (!isRoot()) return { uid: userInfo().uid, gid: userInfo().gid };
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

let counter = 0;

/** Creates a uniquely named database on the cluster behind `adminUrl`. */
export async function createDatabaseOn(adminUrl: string): Promise<string> {
  const name = `rove_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function startPostgres(): Promise<PgCluster> {
  const bin = findPostgresBin();
  if (!bin) {
    throw new Error(
      'PostgreSQL binaries not found (looked in /usr/lib/postgresql/*/bin). ' +
        'Install them with `apt-get install -y postgresql`, or run `npm test`, which does.',
    );
  }
  // Tagged with npm test's run, so it can find and stop a cluster whose runner it had to kill.
  const root = mkdtempSync(join(tmpdir(), `rove-pg-${process.env.ROVE_TEST_RUN ?? 'dev'}-`));
  const dataDir = join(root, 'data');
  const { uid, gid } = ownerIds();
  chownSync(root, uid, gid);

  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    if (existsSync(join(dataDir, 'postmaster.pid'))) {
      const args = ['stop', '-D', dataDir, '-m', 'immediate', '-w'];
      const file = join(bin, 'pg_ctl');
      if (isRoot())
        spawnSync('runuser', ['-u', 'postgres', '--', file, ...args], { stdio: 'ignore' });
      else spawnSync(file, args, { stdio: 'ignore' });
    }
    rmSync(root, { recursive: true, force: true });
  };
  // If the test process dies without teardown, still take the cluster down with it.
  process.once('exit', stopNow);

  try {
    runAsOwner(bin, 'initdb', [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    const port = await freePort();
    const options = [
      `-p ${port}`,
      `-k ${root}`,
      "-c listen_addresses='127.0.0.1'",
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    const start = () =>
      runAsOwner(bin, 'pg_ctl', [
        'start',
        '-D',
        dataDir,
        '-l',
        join(root, 'server.log'),
        '-o',
        options,
        '-w',
        '-t',
        '60',
      ]);
    start();
    const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    return {
      adminUrl,
      pause: () => runAsOwner(bin, 'pg_ctl', ['stop', '-D', dataDir, '-m', 'fast', '-w']),
      resume: start,
      createDatabase: () => createDatabaseOn(adminUrl),
      stop: async () => {
        process.removeListener('exit', stopNow);
        stopNow();
      },
    };
  } catch (error) {
    stopNow();
    const detail = error instanceof Error && 'stderr' in error ? String(error.stderr) : '';
    throw new Error(`Could not start a test PostgreSQL cluster: ${String(error)}\n${detail}`);
  }
}
