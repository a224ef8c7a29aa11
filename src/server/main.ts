// Starts Rove: config -> open (migrate, seed) the store -> the stream hub -> listen; and
// closes it all in reverse. Run directly (`node dist/server/main.js`) it reads the environment,
// prints the address to open, and shuts down cleanly on SIGTERM/SIGINT.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { checkAdminPassword, configFromEnv, type ServerConfig } from './config.js';
import { openStore } from './store/open.js';
import type { Store } from './store/store.js';
import { HEARD_EVERY_MS, STREAM_RECHECK_MS, StreamHub } from './stream/hub.js';
import { startPurge } from './purge.js';
import { startFloorCheck, type FloorCheck } from './floor.js';

export type { ServerConfig } from './config.js';

export interface RunningServer {
  /** Where it listens, e.g. `http://127.0.0.1:8080/`. */
  url: string;
  port: number;
  storeKind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** Set only on a store with no admin and no ROVE_ADMIN_PASSWORD: the one-time setup link. */
  setupUrl?: string;
  /** The floor's periodic check (long waits, presence), to run at once in tests. */
  floor: FloorCheck;
  /** The open store (tests read and age rows with it). */
  store: Store;
}

export async function startServer(overrides: Partial<ServerConfig> = {}): Promise<RunningServer> {
  const config: ServerConfig = { ...configFromEnv(), ...overrides };
  // The environment's is checked as it is read; one handed in directly is held to the same rule.
  checkAdminPassword(config.adminPassword);
  const store = await openStore(config);
  // Streams are rechecked at every change to sessions or devices any process announces, and
  // every STREAM_RECHECK_MS for sessions that ran out (docs/API.md, "Credentials and grants").
  const hub = new StreamHub(store, {
    heartbeatMs: config.heartbeatMs,
    recheckMs: STREAM_RECHECK_MS,
    heardMs: HEARD_EVERY_MS,
  });
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let stopPurge = async () => {};
  let floor: FloorCheck | undefined;
  try {
    if (config.adminPassword) await store.accounts.ensureAdmin(config.adminPassword);
    await hub.start();
    app = await createApp({ store, hub, config });
    const log = app.log;
    hub.setLogger((message, error) => log.error({ err: error }, message));
    stopPurge = startPurge(store, config.retentionHours, (message, error) =>
      log.error({ err: error }, message),
    );
    floor = startFloorCheck(store, config.floorCheckMs, (message, error) =>
      log.error({ err: error }, message),
    );
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await floor?.stop();
    await stopPurge();
    await hub.close();
    await app?.close().catch(() => {});
    await store.close().catch(() => {});
    throw error;
  }

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  const base = (config.publicUrl ?? url).replace(/\/?$/, '/');

  let setupUrl: string | undefined;
  if (!config.adminPassword) {
    const token = await store.accounts.newSetupToken();
    if (token) setupUrl = `${base}admin/setup?token=${encodeURIComponent(token)}`;
  }

  let closing: Promise<void> | undefined;
  const running = app;
  return {
    url,
    port,
    storeKind: store.kind,
    setupUrl,
    floor: floor!,
    store,
    close() {
      closing ??= (async () => {
        await floor!.stop();
        await stopPurge();
        // Streams first: an open stream would keep the HTTP server from closing.
        await hub.close();
        await running.close();
        await store.close();
      })();
      return closing;
    },
  };
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const config = configFromEnv();
  const server = await startServer({ ...config, logLevel: config.logLevel });
  const shown = (config.publicUrl ?? `http://localhost:${server.port}/`).replace(/\/?$/, '/');
  console.log(`Rove is running at ${shown}`);
  console.log(
    `Store: ${server.storeKind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`}`,
  );
  if (server.setupUrl) {
    console.log('No admin account yet. Open this one-time link to choose the admin password:');
    console.log(`  ${server.setupUrl}`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing streams, the server and the store`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Rove could not close cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (isMain()) {
  main().catch((error: unknown) => {
    console.error('Rove could not start:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
