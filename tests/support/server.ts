// The real Rove server, started in-process on PGlite (a copy of the run's migrated store, see
// pglite-template.ts) or on a fresh PostgreSQL database, plus the few calls nearly every protocol test needs (admin, devices, staff,
// requests, streams). Everything goes over HTTP, as a kiosk or tablet would send it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { startServer, type RunningServer, type ServerConfig } from '../../src/server/main.js';
import { copyPgliteTemplate, removeStoreCopy } from './pglite-template.js';
import { createDatabaseOn } from './postgres.js';
import { SseStream, type OpenStreamOptions } from './sse.js';

export type StoreKind = 'pglite' | 'postgres';
export const STORES: readonly StoreKind[] = ['pglite', 'postgres'];
export const ADMIN_PASSWORD = 'correct horse battery staple';

// Answers are arbitrary JSON that each test checks field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Answer {
  status: number;
  body: Json;
  text: string;
  headers: Headers;
}

interface CallOptions {
  /** Sent as `Authorization: Bearer`. */
  token?: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is (for malformed bodies); content type JSON unless `headers` say otherwise. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface Staff {
  id: string;
  displayName: string;
  skills: string[];
  branchIds: string[];
  pin: string;
}

/** A signed-in rover: the tablet it uses, who they are, and their staff session token. */
export interface Rover {
  token: string;
  tabletToken: string;
  staff: Staff;
}

export interface Scene {
  branchId: string;
  kiosk: Kiosk;
  rover: Rover;
}

export interface Kiosk {
  token: string;
  device: { id: string; kind: string; branchId: string; label: string };
}

/** A fresh database on the run's PostgreSQL cluster (see global-setup.ts). */
export function freshDatabaseUrl(): Promise<string> {
  return createDatabaseOn(inject('pgAdminUrl'));
}

export class TestServer {
  running?: RunningServer;
  databaseUrl?: string;
  /** PGlite: this server's copy of the run's migrated store (global-setup.ts). */
  private dataDir?: string;
  private admin?: Promise<string>;

  constructor(
    readonly store: StoreKind,
    private readonly overrides: Partial<ServerConfig> = {},
  ) {}

  get url(): string {
    if (!this.running) throw new Error('The test server is not running');
    return this.running.url.replace(/\/$/, '');
  }

  async start(): Promise<this> {
    if (this.store === 'postgres') this.databaseUrl ??= await freshDatabaseUrl();
    else if (this.overrides.dataDir === undefined)
      this.dataDir ??= copyPgliteTemplate(inject('pgliteTemplate'), inject('pgliteCopies'));
    this.running = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir: this.dataDir ?? 'memory://',
      databaseUrl: this.databaseUrl,
      adminPassword: ADMIN_PASSWORD,
      logLevel: 'silent',
      ...this.overrides,
    });
    return this;
  }

  async close(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    this.admin = undefined;
    await running?.close();
    if (this.dataDir) removeStoreCopy(this.dataDir);
    this.dataDir = undefined;
  }

  async call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (options.rawBody !== undefined) body = options.rawBody;
    if (body !== undefined) headers['content-type'] = 'application/json';
    Object.assign(headers, options.headers);
    const response = await fetch(this.url + path, { method, headers, body });
    const text = await response.text();
    let parsed: Json;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed, text, headers: response.headers };
  }

  get(path: string, token?: string): Promise<Answer> {
    return this.call('GET', path, { token });
  }

  post(path: string, body: unknown, token?: string): Promise<Answer> {
    return this.call('POST', path, { body, token });
  }

  /** Calls that must succeed: fail the test with the server's own words when they do not. */
  async ok(method: string, path: string, options: CallOptions, status: number): Promise<Json> {
    const answer = await this.call(method, path, options);
    expect(answer.status, `${method} ${path} -> ${answer.text}`).toBe(status);
    return answer.body;
  }

  adminToken(): Promise<string> {
    this.admin ??= this.ok(
      'POST',
      '/api/session/admin',
      { body: { username: 'admin', password: ADMIN_PASSWORD } },
      200,
    ).then((body: Json) => body.token as string);
    return this.admin;
  }

  /** A new branch of its own (with the starter topics), so a test's queue is only its own. */
  async newBranch(name = 'Test branch'): Promise<string> {
    const id = `b-${randomUUID().slice(0, 8)}`;
    await this.ok(
      'POST',
      '/api/branches',
      { token: await this.adminToken(), body: { id, name } },
      201,
    );
    return id;
  }

  async enrollmentCode(
    branchId: string,
    kind: 'kiosk' | 'tablet',
    label = `${kind} test`,
  ): Promise<string> {
    const token = await this.adminToken();
    const body = await this.ok(
      'POST',
      '/api/devices/enrollments',
      { token, body: { branchId, kind, label } },
      201,
    );
    return body.code as string;
  }

  async enroll(kind: 'kiosk' | 'tablet', branchId = 'main'): Promise<Kiosk> {
    const code = await this.enrollmentCode(branchId, kind);
    return (await this.ok('POST', '/api/devices/enroll', { body: { code } }, 201)) as Kiosk;
  }

  async kiosk(branchId = 'main'): Promise<Kiosk> {
    return this.enroll('kiosk', branchId);
  }

  async createStaff(options: Partial<Omit<Staff, 'id'>> = {}): Promise<Staff> {
    const pin = options.pin ?? '4321';
    const body = {
      displayName: options.displayName ?? `Rover ${randomUUID().slice(0, 4)}`,
      pin,
      skills: options.skills ?? ['tech', 'general'],
      branchIds: options.branchIds ?? ['main'],
    };
    const created = await this.ok(
      'POST',
      '/api/staff',
      { token: await this.adminToken(), body },
      201,
    );
    return { ...created, pin } as Staff;
  }

  async staffSession(tabletToken: string, staffId: string, pin: string): Promise<string> {
    const body = await this.ok(
      'POST',
      '/api/session/staff',
      { token: tabletToken, body: { staffId, pin } },
      200,
    );
    return body.token as string;
  }

  /** A staff member of `branchId`, signed in on a tablet of that branch. */
  async rover(branchId = 'main', options: Partial<Omit<Staff, 'id'>> = {}): Promise<Rover> {
    const tablet = await this.enroll('tablet', branchId);
    const staff = await this.createStaff({ branchIds: [branchId], ...options });
    const token = await this.staffSession(tablet.token, staff.id, staff.pin);
    return { token, tabletToken: tablet.token, staff };
  }

  async topicIds(branchId: string, token: string): Promise<string[]> {
    const body = await this.ok('GET', `/api/branches/${branchId}/topics`, { token }, 200);
    return (body.topics as { id: string }[]).map((topic) => topic.id);
  }

  /** Makes a help request from a kiosk and returns it as stored. */
  async createRequest(kiosk: Kiosk, extra: Record<string, unknown> = {}): Promise<Json> {
    const topicId = (await this.topicIds(kiosk.device.branchId, kiosk.token))[0];
    const body = { id: randomUUID(), topicId, ...extra };
    return (await this.ok('POST', '/api/requests', { token: kiosk.token, body }, 201)).request;
  }

  /** A branch of its own with one kiosk and one signed-in rover: most tests start here. */
  async scene(): Promise<Scene> {
    const branchId = await this.newBranch();
    const [kiosk, rover] = await Promise.all([this.kiosk(branchId), this.rover(branchId)]);
    return { branchId, kiosk, rover };
  }

  /** A request of `scene`'s kiosk brought to `status` by the scene's rover (or the kiosk). */
  async requestIn(scene: Scene, status: string): Promise<Json> {
    let request = await this.createRequest(scene.kiosk);
    const token = scene.rover.token;
    if (status === 'waiting') return request;
    if (status === 'cancelled') return this.must(scene.kiosk.token, request.id, 'cancel');
    request = await this.must(token, request.id, 'claim');
    if (status === 'claimed') return request;
    if (status === 'done') return this.must(token, request.id, 'resolve', { outcome: 'answered' });
    return this.must(token, request.id, 'start');
  }

  act(
    token: string,
    requestId: string,
    action: string,
    body: Record<string, unknown> = {},
  ): Promise<Answer> {
    return this.post(
      `/api/requests/${requestId}/${action}`,
      { opId: randomUUID(), ...body },
      token,
    );
  }

  /** An action that must succeed; returns the request as it now stands. */
  async must(
    token: string,
    requestId: string,
    action: string,
    body: Record<string, unknown> = {},
  ): Promise<Json> {
    const answer = await this.act(token, requestId, action, body);
    expect(answer.status, `${action} -> ${answer.text}`).toBe(200);
    return answer.body.request;
  }

  openStream(path: string, options: OpenStreamOptions = {}): Promise<SseStream> {
    return SseStream.open(this.url + path, options);
  }
}

export async function startTestServer(
  store: StoreKind,
  overrides: Partial<ServerConfig> = {},
): Promise<TestServer> {
  return new TestServer(store, overrides).start();
}

/**
 * Defines the same suite once per store. One server per store per file keeps PGlite starts
 * few; tests keep out of each other's way with their own branches, devices and staff.
 */
export function forEachStore(
  name: string,
  define: (server: TestServer) => void,
  overrides: Partial<ServerConfig> = {},
): void {
  for (const store of STORES) {
    describe(`${name} [${store}]`, () => {
      const server = new TestServer(store, overrides);
      beforeAll(async () => {
        await server.start();
      });
      afterAll(async () => {
        await server.close();
      });
      define(server);
    });
  }
}

/** Checks the protocol's error shape and code. */
export function expectError(answer: Answer, status: number, code: string): void {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.body, answer.text).toMatchObject({ error: { code, message: expect.any(String) } });
  expect(answer.body.error.message.length).toBeGreaterThan(0);
}

/** A stream refused past its cap: the protocol's 429, a message naming the cap, Retry-After. */
export function expectStreamRefused(stream: SseStream, cap: number): void {
  const answer: Answer = {
    status: stream.status,
    body: stream.errorJson,
    text: stream.errorBody,
    headers: new Headers(),
  };
  expectError(answer, 429, 'rate_limited');
  expect(answer.body.error.message).toMatch(new RegExp(`at most ${cap} at once`));
  expect(Number(stream.headers['retry-after'])).toBeGreaterThan(0);
}

const CODES: Record<number, string> = {
  400: 'invalid',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  429: 'rate_limited',
};

/** Where docs/API.md leaves the exact refusal open: one of `statuses`, with its matching code. */
export function expectErrorOf(answer: Answer, statuses: number[]): void {
  expect(statuses, answer.text).toContain(answer.status);
  expectError(answer, answer.status, CODES[answer.status]!);
}
