// A real `node dist/server/main.js`, started as `npm start` would on a PGlite data directory,
// for the tests that need a whole process (a crash, its log lines).
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { ADMIN_PASSWORD, type Json } from './server.js';

export const MAIN = resolve('dist/server/main.js');

export interface Child {
  process: ChildProcess;
  url: string;
  /** Everything it printed so far, stdout and stderr together. */
  output: () => string;
}

/** Starts the built server and waits for the line with its URL. */
export function startChild(dataDir: string, env: Record<string, string> = {}): Promise<Child> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      ROVE_DATA_DIR: dataDir,
      ROVE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Rove is running at (http:\/\/\S+)/.exec(output);
      if (match) {
        // The server prints localhost; here it listens on 127.0.0.1 only.
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

/** Stops it with SIGTERM (a clean stop) and waits for it to go. */
export function stopChild(child: Child): Promise<void> {
  return new Promise((done) => {
    if (child.process.exitCode !== null) return done();
    child.process.once('exit', () => done());
    child.process.kill('SIGTERM');
  });
}

/** One JSON call; answers the status, the parsed body and its raw text. */
export async function callChild(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: Json; text: string }> {
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
