#!/usr/bin/env node
/* global fetch, clearTimeout */
// `npm run demo`: try Rove on one computer. Builds if the sources changed, starts the server on
// a throwaway data dir (or ROVE_DATA_DIR), adds two demo staff over the real HTTP API, makes
// one-time enrollment links for a kiosk and a tablet, and prints what to open. Ctrl-C stops it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SERVER_MAIN, buildWhatIsStale } from './stale-builds.mjs';

const ADMIN_PASSWORD = process.env.ROVE_ADMIN_PASSWORD || 'demo-admin-password';
const BRANCH = 'main';

const DEMO_STAFF = [
  { displayName: 'Sam', pin: '1234', skills: ['tech', 'general'], branchIds: [BRANCH] },
  { displayName: 'Priya', pin: '5678', skills: ['history', 'youth', 'books'], branchIds: [BRANCH] },
];

// ---- build what is stale (as npm start does: scripts/stale-builds.mjs) ----------------------

function buildIfNeeded() {
  buildWhatIsStale((script) => {
    console.error(`${script} failed; see the messages above.`);
    process.exit(1);
  });
}

// ---- the server ---------------------------------------------------------------------------

function portIsFree(port) {
  return new Promise((ok) => {
    const probe = createServer();
    probe.once('error', () => ok(false));
    probe.listen(port, () => probe.close(() => ok(true)));
  });
}

async function choosePort() {
  if (process.env.PORT) return Number(process.env.PORT);
  if (await portIsFree(8080)) return 8080;
  return new Promise((ok) => {
    const probe = createServer();
    probe.listen(0, () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

let server;
let ownDataDir;
let logFile;

function startServer(port, dataDir) {
  logFile = join(tmpdir(), `rove-demo-server-${process.pid}.log`);
  const log = openSync(logFile, 'a');
  server = spawn(process.execPath, [SERVER_MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: process.env.NODE_ENV || 'production',
      PORT: String(port),
      ROVE_DATA_DIR: dataDir,
      ROVE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    },
    stdio: ['ignore', log, log],
  });
  server.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`\nThe Rove server stopped unexpectedly (code ${code}, signal ${signal}).`);
    printLogTail();
    cleanUp();
    process.exit(1);
  });
}

function printLogTail() {
  if (!logFile || !existsSync(logFile)) return;
  const lines = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-20);
  console.error(`Last lines of ${logFile}:\n${lines.join('\n')}`);
}

/** The port the server says it listens on (PORT=0 lets it pick), or the one we asked for. */
function announcedPort(asked) {
  if (!logFile || !existsSync(logFile)) return undefined;
  const said = /Rove is running at https?:\/\/[^\s/]+:(\d+)/.exec(readFileSync(logFile, 'utf8'));
  if (said) return Number(said[1]);
  return asked === 0 ? undefined : asked;
}

/** Waits for /api/health to answer and returns the port it answered on. */
async function waitUntilHealthy(asked) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const port = announcedPort(asked);
    if (port) {
      try {
        const answer = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (answer.ok) return port;
      } catch {
        // Not listening yet.
      }
    }
    await new Promise((ok) => setTimeout(ok, 250));
  }
  printLogTail();
  return fail('The server did not answer /api/health within 60 seconds.');
}

// ---- talking to it like any client would --------------------------------------------------

async function call(base, method, path, token, body) {
  const answer = await fetch(`${base}${path}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = answer.status === 204 ? undefined : await answer.json().catch(() => undefined);
  if (!answer.ok) {
    const message = payload?.error?.message ?? answer.statusText;
    const error = new Error(`${method} ${path} answered ${answer.status}: ${message}`);
    error.status = answer.status;
    throw error;
  }
  return payload;
}

async function signIn(base) {
  try {
    const { token } = await call(base, 'POST', '/api/session/admin', undefined, {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    return token;
  } catch (error) {
    if (error.status === 401) {
      await fail(
        'This data dir already has a supervisor with another password. ' +
          'Set ROVE_ADMIN_PASSWORD to that password, or unset ROVE_DATA_DIR to use a fresh one.',
      );
    }
    throw error;
  }
}

/** Adds the demo staff, or (on a reused data dir) puts them back as the demo expects. */
async function ensureStaff(base, token) {
  const { staff } = await call(base, 'GET', '/api/staff', token);
  for (const person of DEMO_STAFF) {
    const existing = staff.find((s) => s.displayName === person.displayName);
    if (!existing) {
      await call(base, 'POST', '/api/staff', token, person);
      continue;
    }
    const { pin, skills, branchIds } = person;
    await call(base, 'PATCH', `/api/staff/${encodeURIComponent(existing.id)}`, token, {
      pin,
      skills,
      branchIds,
      active: true,
    });
  }
}

async function enrollmentLink(base, origin, token, kind, label) {
  const { code, expiresAt } = await call(base, 'POST', '/api/devices/enrollments', token, {
    branchId: BRANCH,
    kind,
    label,
  });
  return { link: `${origin}/enroll?code=${encodeURIComponent(code)}`, expiresAt };
}

// ---- stopping cleanly ----------------------------------------------------------------------

let stopping = false;

function cleanUp() {
  if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
  if (logFile) rmSync(logFile, { force: true });
}

async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping Rove…');
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((ok) => server.once('exit', ok));
    server.kill('SIGTERM');
    const force = setTimeout(() => server.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(force);
  }
  cleanUp();
  console.log(ownDataDir ? 'Stopped, and the demo data is gone.' : 'Stopped.');
  process.exit(0);
}

/**
 * Says what went wrong, stops the server, removes the demo data, and exits 1. Returns a promise
 * that never settles, so `await fail(...)` stops the caller while the server shuts down.
 */
function fail(message) {
  console.error(`\n${message}`);
  stopping = true;
  const done = () => {
    cleanUp();
    process.exit(1);
  };
  if (server && server.exitCode === null && server.signalCode === null) {
    server.once('exit', done);
    server.kill('SIGTERM');
    setTimeout(() => server.kill('SIGKILL'), 10_000).unref();
  } else {
    done();
  }
  return new Promise(() => {});
}

// ---- main ----------------------------------------------------------------------------------

process.on('SIGINT', stop);
process.on('SIGTERM', stop);

async function main() {
  buildIfNeeded();
  const asked = await choosePort();
  let dataDir = process.env.ROVE_DATA_DIR;
  if (!dataDir) dataDir = ownDataDir = mkdtempSync(join(tmpdir(), 'rove-demo-'));

  console.log(`Starting Rove (data in ${dataDir})…`);
  startServer(asked, dataDir);
  const port = await waitUntilHealthy(asked);
  const base = `http://127.0.0.1:${port}`;
  const origin = `http://localhost:${port}`;
  const token = await signIn(base);
  await ensureStaff(base, token);
  const kiosk = await enrollmentLink(base, origin, token, 'kiosk', 'Demo kiosk');
  const tablet = await enrollmentLink(base, origin, token, 'tablet', 'Demo tablet');
  const expires = new Date(kiosk.expiresAt).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
  });

  console.log(`
Rove is ready to try.

  Kiosk:  open ${kiosk.link}
          in one browser window.
  Tablet: open ${tablet.link}
          in another window. Use a private window or another browser profile, so the two
          devices don't share cookies.

  Each link works once, until about ${expires}. For new ones, sign in as the supervisor
  (${origin}/admin) and use Devices.

  Staff PINs (sign in on the tablet):
    Sam    PIN 1234  (Technology, General help)
    Priya  PIN 5678  (Local history, Children and teens, Finding books)

  Supervisor: ${origin}/admin  user admin, password ${ADMIN_PASSWORD}

  Server log: ${logFile}
  Press Ctrl-C to stop.
`);
}

main().catch((error) => fail(`The demo could not be set up: ${error.message}`));
