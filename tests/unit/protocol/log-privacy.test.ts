// Issue 9, finding 2: a failing insert wrote the patron's note (the driver error's `query`,
// `params` and `detail`) to the server's stdout. A real `node dist/server/main.js` on PGlite
// whose store refuses every new request (a trigger, added while it was stopped) is sent
// requests holding a marker in the name and the note: they fail with 500, and the marker is in
// no line of its stdout or stderr, while the error itself is logged.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, type Json } from '../../support/server.js';

const MAIN = resolve('dist/server/main.js');

interface Child {
  process: ChildProcess;
  url: string;
  output: () => string;
}

function startChild(dataDir: string): Promise<Child> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      ROVE_DATA_DIR: dataDir,
      ROVE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      DATABASE_URL: '',
      // Everything the server would ever log, request lines included.
      LOG_LEVEL: 'trace',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Rove is running at (http:\/\/\S+)/.exec(output);
      if (match) {
        const url = match[1]!.replace('//localhost:', '//127.0.0.1:').replace(/\/$/, '');
        resolvePromise({ process: child, url, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) =>
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${output}`)),
    );
  });
}

function stopChild(child: Child): Promise<void> {
  return new Promise((done) => {
    if (child.process.exitCode !== null) return done();
    child.process.once('exit', () => done());
    child.process.kill('SIGTERM');
  });
}

async function call(base: string, method: string, path: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(base + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Json, text };
}

describe('logs carry no patron text (PGlite, real process)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rove-logs-'));
  const children: Child[] = [];

  afterAll(async () => {
    for (const child of children) await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a store failure on a request holding a marker leaves the marker in no log line', async () => {
    expect(existsSync(MAIN), 'dist/server/main.js is missing: run `npm run build:server`').toBe(
      true,
    );
    // First start: migrate and seed, make a kiosk; then stop.
    const first = await startChild(dataDir);
    children.push(first);
    const admin = (
      await call(first.url, 'POST', '/api/session/admin', {
        username: 'admin',
        password: ADMIN_PASSWORD,
      })
    ).body.token as string;
    const code = (
      await call(
        first.url,
        'POST',
        '/api/devices/enrollments',
        { branchId: 'main', kind: 'kiosk', label: 'Lobby' },
        admin,
      )
    ).body.code as string;
    const kiosk = (await call(first.url, 'POST', '/api/devices/enroll', { code })).body
      .token as string;
    const topics = await call(first.url, 'GET', '/api/branches/main/topics', undefined, kiosk);
    const topicId = topics.body.topics[0].id as string;
    await stopChild(first);

    // While it is stopped: every new request is refused by the store, quoting the row's words
    // back as a driver's `detail` does ("Key (name)=(...) already exists").
    const db = await PGlite.create(dataDir);
    await db.exec(`
      CREATE FUNCTION refuse_request() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the store refuses this row'
          USING DETAIL = 'Key (row)=(' || row_to_json(NEW)::text || ') is refused';
      END $$;
      CREATE TRIGGER refuse_request BEFORE INSERT ON requests
        FOR EACH ROW EXECUTE FUNCTION refuse_request();`);
    await db.close();

    const server = await startChild(dataDir);
    children.push(server);
    const marker = `MARKER${randomUUID().replaceAll('-', '')}`;
    const answer = await call(
      server.url,
      'POST',
      `/api/requests?secret=${marker}q`,
      { id: randomUUID(), topicId, name: `${marker}n`, note: `${marker} by the printers` },
      kiosk,
    );
    expect(answer.status, answer.text).toBe(500);
    expect(answer.text).not.toContain(marker);
    // Give the log lines a moment to arrive, then stop (flushes).
    await new Promise((done) => setTimeout(done, 200));
    await stopChild(server);
    const output = server.output();
    expect(output).toMatch(/unexpected error/);
    expect(output).toMatch(/P0001/); // the error is logged: its SQLSTATE, without the row
    expect(output).not.toContain(marker);
    expect(output).not.toContain(kiosk);
  });
});
