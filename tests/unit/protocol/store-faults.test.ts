// The store going away (issue 16), tried as an operator would: PostgreSQL stopped and started
// again under a running server with streams open, PGlite's disk filling up while it runs, and a
// data directory Rove cannot write at start. While the store cannot answer, every call answers
// `503 unavailable` with Retry-After (never 500), /api/health says so, and when it is back
// everything acknowledged is there and every stream catches up (docs/API.md, "Errors").
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN } from '../../support/child-server.js';
import { startPostgres, type PgCluster } from '../../support/postgres.js';
import { TestServer, type Answer, type Json, type Scene } from '../../support/server.js';

/** Every answer was the store's "try again shortly", in the protocol's shape. */
function expectUnavailable(answers: Answer[]) {
  for (const answer of answers) {
    expect(answer.status, answer.text).toBe(503);
    expect(answer.body.error.code).toBe('unavailable');
    expect(answer.body.error.message).toMatch(/try again/);
    expect(answer.headers.get('retry-after')).toBe('5');
  }
}

async function until(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A kiosk's new request, as a body to POST again and again. */
async function newRequestBody(server: TestServer, scene: Scene) {
  const [topicId] = await server.topicIds(scene.branchId, scene.kiosk.token);
  return () => ({ id: randomUUID(), topicId, name: 'Ida' });
}

describe('PostgreSQL stopped and started again under a running server [postgres]', () => {
  let cluster: PgCluster;
  const server = new TestServer('postgres');

  beforeAll(async () => {
    // A cluster of its own: stopping the run's shared one would fail every other suite.
    cluster = await startPostgres();
    server.databaseUrl = await cluster.createDatabase();
    await server.start();
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await cluster?.stop();
  });

  it('answers 503 while it is down, health says why, and loses nothing', async () => {
    const scene = await server.scene();
    const body = await newRequestBody(server, scene);
    const queuePath = `/api/branches/${scene.branchId}/requests`;
    const streamPath = `/api/branches/${scene.branchId}/events`;
    const acked = await server.createRequest(scene.kiosk, { name: 'Ada' });
    const { seq } = await server.ok('GET', queuePath, { token: scene.rover.token }, 200);
    const before = await server.openStream(streamPath, { token: scene.rover.token });
    try {
      await before.next('snapshot');

      cluster.pause();
      // A burst: kiosks asking, tablets reading and acting, all at once. None is a 500.
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          i % 3 === 0
            ? server.call('POST', '/api/requests', { token: scene.kiosk.token, body: body() })
            : i % 3 === 1
              ? server.call('GET', queuePath, { token: scene.rover.token })
              : server.act(scene.rover.token, acked.id, 'claim'),
        ),
      );
      expectUnavailable(answers);
      const health = await server.call('GET', '/api/health');
      expect(health.status).toBe(503);
      expect(health.headers.get('retry-after')).toBe('5');
      expect(health.body).toMatchObject({ ok: false, store: 'postgres' });
      expect(health.body.reason).toMatch(/ECONNREFUSED|connect|terminat/i);

      cluster.resume();
      // Health comes back by itself, with nothing done to the server.
      await until(async () => (await server.call('GET', '/api/health')).status === 200, 'health');
      expect((await server.call('GET', '/api/health')).body).toEqual({
        ok: true,
        store: 'postgres',
      });

      const after = await server.createRequest(scene.kiosk, { name: 'Bea' });
      const queue = await server.ok('GET', queuePath, { token: scene.rover.token }, 200);
      // What was acknowledged before is there; nothing refused with 503 was half written.
      expect(queue.requests.map((r: Json) => r.id).sort()).toEqual([acked.id, after.id].sort());
      expect(queue.requests.find((r: Json) => r.id === acked.id).status).toBe('waiting');

      // The stream held open across the outage hears what came after it.
      const heard = await before.next('request');
      expect((heard.json as Json).request.id).toBe(after.id);
      // A stream resuming from before the outage catches up on the same.
      const resumed = await server.openStream(streamPath, {
        token: scene.rover.token,
        lastEventId: seq,
      });
      try {
        const event = await resumed.next('request');
        expect((event.json as Json).request.id).toBe(after.id);
      } finally {
        resumed.close();
      }
    } finally {
      before.close();
    }
  }, 120_000);
});

describe('every pooled PostgreSQL connection busy past the timeout [postgres]', () => {
  const server = new TestServer('postgres');
  beforeAll(async () => {
    await server.start();
  });
  afterAll(() => server.close());

  it('answers 503 after 5 seconds instead of hanging, then serves again', async () => {
    const scene = await server.scene();
    const queuePath = `/api/branches/${scene.branchId}/requests`;
    await server.ok('GET', queuePath, { token: scene.rover.token }, 200);
    // Ten long statements hold the pool's ten connections (a stuck report, a slow disk).
    const store = server.running!.store;
    const held = Promise.all(
      Array.from({ length: 10 }, () =>
        store.db.transaction((tx) => tx.query('SELECT pg_sleep(7)')),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => server.call('GET', queuePath, { token: scene.rover.token })),
    );
    expectUnavailable(answers);
    await held;
    await server.ok('GET', queuePath, { token: scene.rover.token }, 200);
  }, 60_000);
});

/** A tmpfs of `mb` megabytes mounted on a fresh directory (the test runs as root, as CI does). */
function smallDisk(mb: number): { dir: string; unmount: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'rove-small-disk-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${mb}m`, 'tmpfs', dir]);
  if (mounted.status !== 0) {
    throw new Error(
      `This test mounts a small tmpfs to fill a disk, which needs root: ${mounted.stderr}`,
    );
  }
  return {
    dir,
    unmount: () => {
      spawnSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes `path` until the disk says it is full. */
function fillDisk(path: string): void {
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(1024 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  // The last bytes a 1 MiB write could not take.
  const small = openSync(`${path}-tail`, 'w');
  try {
    for (;;) writeSync(small, Buffer.alloc(4096));
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(small);
  }
}

describe('PGlite on a disk that fills up while it runs [pglite]', () => {
  let disk: ReturnType<typeof smallDisk>;
  let server: TestServer;

  beforeAll(async () => {
    disk = smallDisk(96);
    server = new TestServer('pglite', { dataDir: join(disk.dir, 'data') });
    await server.start();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    disk?.unmount();
  });

  it('refuses writes with 503, keeps every acknowledged one, and recovers', async () => {
    const scene = await server.scene();
    const body = await newRequestBody(server, scene);
    const rover = scene.rover.token;
    const acked = [await server.createRequest(scene.kiosk)];
    const filler = join(disk.dir, 'filler');
    fillDisk(filler);

    // Small writes may still fit in pages PGlite already has: a rover goes on and off a break
    // (each one a write) until the disk says no.
    const presence = (i: number) =>
      server.call('PUT', '/api/presence', {
        token: rover,
        body: { state: i % 2 ? 'break' : 'available' },
      });
    let refused: Answer | undefined;
    for (let i = 0; i < 3000 && !refused; i++) {
      const answer = await presence(i);
      expect([200, 503], answer.text).toContain(answer.status);
      if (answer.status === 503) refused = answer;
    }
    expect(refused, 'no write was refused on a full disk').toBeDefined();
    // Once full, a burst of kiosks asking and rovers moving is refused the same way, never 500.
    const burst = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        i % 5 === 0
          ? server.call('POST', '/api/requests', { token: scene.kiosk.token, body: body() })
          : presence(i),
      ),
    );
    for (const answer of burst) {
      expect([200, 201, 503], answer.text).toContain(answer.status);
      if (answer.status === 201) acked.push(answer.body.request);
    }
    expectUnavailable([refused!, ...burst.filter((a) => a.status === 503)]);

    rmSync(filler);
    rmSync(`${filler}-tail`);
    acked.push(await server.createRequest(scene.kiosk));
    expect((await presence(0)).status).toBe(200);
    const queue = await server.ok(
      'GET',
      `/api/branches/${scene.branchId}/requests`,
      { token: rover },
      200,
    );
    const ids = new Set(queue.requests.map((r: Json) => r.id));
    for (const request of acked) expect(ids.has(request.id), request.id).toBe(true);
    // Nothing refused was half written: the queue holds exactly what was acknowledged.
    expect(ids.size).toBe(acked.length);
  }, 120_000);
});

describe('a data directory Rove cannot write, at start', () => {
  const start = (dataDir: string) =>
    spawnSync(process.execPath, [MAIN], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        ROVE_DATA_DIR: dataDir,
        DATABASE_URL: '',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('is one line naming the directory, and exit code 1', () => {
    const root = mkdtempSync(join(tmpdir(), 'rove-unwritable-'));
    try {
      writeFileSync(join(root, 'a-file'), 'not a directory');
      const dataDir = join(root, 'a-file', 'data');
      const run = start(dataDir);
      expect(run.status).toBe(1);
      const said = `${run.stdout}${run.stderr}`.trim();
      expect(said.split('\n')).toHaveLength(1);
      expect(said).toContain(dataDir);
      expect(said).toMatch(/^Rove could not start: cannot write its data directory/);
      expect(said).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('says so for a full disk too', () => {
    const disk = smallDisk(8);
    try {
      mkdirSync(join(disk.dir, 'data'));
      fillDisk(join(disk.dir, 'filler'));
      const dataDir = join(disk.dir, 'data');
      const run = start(dataDir);
      expect(run.status).toBe(1);
      const said = `${run.stdout}${run.stderr}`.trim();
      expect(said.split('\n')).toHaveLength(1);
      expect(said).toContain(dataDir);
      expect(said).toMatch(/no space left on device/i);
    } finally {
      disk.unmount();
    }
  });
});
