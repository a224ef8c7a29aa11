// Talks to the real server over HTTP as a script would (Bearer tokens, docs/API.md "Credentials and grants"), to set up
// what a test needs (staff, enrollment codes) and to read back the server's own state.
import { randomUUID } from 'node:crypto';
import type { HelpRequest } from '../../../src/shared/schemas.js';
import { ADMIN_PASSWORD } from './server.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} answered ${status}: ${JSON.stringify(body)}`);
  }
}

export async function call<T>(
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new HttpError(response.status, data, `${method} ${path}`);
  return data as T;
}

export interface StaffInfo {
  id: string;
  displayName: string;
  skills: string[];
  pin: string;
}

interface StaffSession {
  token: string;
  staff: { id: string; displayName: string; skills: string[] };
}

/** The server, seen through a supervisor's session and one API-only tablet (to read the queue). */
export class RoveApi {
  private _observer?: StaffSession;

  private constructor(
    readonly base: string,
    readonly adminToken: string,
  ) {}

  static async connect(base: string): Promise<RoveApi> {
    const { token } = await call<{ token: string }>(base, 'POST', '/api/session/admin', undefined, {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    return new RoveApi(base, token);
  }

  async createStaff(
    displayName: string,
    pin: string,
    skills: string[],
    branchIds = ['main'],
  ): Promise<StaffInfo> {
    const made = await call<{ id: string; displayName: string; skills: string[] }>(
      this.base,
      'POST',
      '/api/staff',
      this.adminToken,
      { displayName, pin, skills, branchIds },
    );
    return { ...made, pin };
  }

  /** A one-time enrollment code for a new device of `kind` in `branchId`. */
  async enrollmentCode(kind: 'kiosk' | 'tablet', label: string, branchId = 'main') {
    return call<{ code: string; expiresAt: string }>(
      this.base,
      'POST',
      '/api/devices/enrollments',
      this.adminToken,
      { branchId, kind, label },
    );
  }

  /** Enrolls a device over the API alone (no browser) and answers its device token. */
  async enrollApiDevice(kind: 'kiosk' | 'tablet', label: string): Promise<string> {
    const { code } = await this.enrollmentCode(kind, label);
    const { token } = await call<{ token: string }>(
      this.base,
      'POST',
      '/api/devices/enroll',
      undefined,
      {
        code,
      },
    );
    return token;
  }

  /** Signs `staff` in on a tablet (by its device token) over the API. */
  async staffSession(deviceToken: string, staff: StaffInfo): Promise<StaffSession> {
    return call<StaffSession>(this.base, 'POST', '/api/session/staff', deviceToken, {
      staffId: staff.id,
      pin: staff.pin,
    });
  }

  /** A staff session on an API-only tablet, made once, for reading the queue and the log. */
  async observer(): Promise<StaffSession> {
    if (this._observer) return this._observer;
    const device = await this.enrollApiDevice('tablet', 'E2E observer');
    const person = await this.createStaff('Observer Olu', '9911', ['general']);
    this._observer = await this.staffSession(device, person);
    return this._observer;
  }

  /** The open requests of a branch and the store's current `seq`, as staff see them. */
  async openRequests(branchId = 'main'): Promise<{ requests: HelpRequest[]; seq: number }> {
    const { token } = await this.observer();
    return call(this.base, 'GET', `/api/branches/${branchId}/requests`, token);
  }

  /** One request as the server holds it (closed ones too). */
  async request(id: string): Promise<HelpRequest> {
    const { token } = await this.observer();
    const { request } = await call<{ request: HelpRequest }>(
      this.base,
      'GET',
      `/api/requests/${id}`,
      token,
    );
    return request;
  }

  /**
   * Every `event: request` the server logged after `afterSeq`, up to its current `seq`,
   * read by resuming the staff stream (docs/API.md "Event streams"). Fails if the server answers
   * with a snapshot instead, since then the log can't be counted.
   */
  async requestEvents(
    afterSeq = 0,
    branchId = 'main',
  ): Promise<{ seq: number; request: HelpRequest }[]> {
    const { token } = await this.observer();
    const { seq: until } = await this.openRequests(branchId);
    const events: { seq: number; request: HelpRequest }[] = [];
    if (until <= afterSeq) return events;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 15_000);
    try {
      const response = await fetch(`${this.base}/api/branches/${branchId}/events`, {
        headers: { authorization: `Bearer ${token}`, 'last-event-id': String(afterSeq) },
        signal: controller.signal,
      });
      if (!response.ok || !response.body) throw new HttpError(response.status, null, 'events');
      const decoder = new TextDecoder();
      let buffer = '';
      let last = afterSeq;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = parseEvent(block);
          if (fields.event === 'snapshot') {
            throw new Error(`The server answered Last-Event-ID ${afterSeq} with a snapshot`);
          }
          if (fields.id) last = Number(fields.id);
          if (fields.event === 'request' && fields.data) {
            const { request } = JSON.parse(fields.data) as { request: HelpRequest };
            events.push({ seq: last, request });
          }
        }
        if (last >= until) break;
      }
      return events;
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  }

  /** Says where the branch's service desk is (`null` clears it), as a supervisor would. */
  async setServiceDesk(place: string | null, branchId = 'main'): Promise<void> {
    await call(this.base, 'PATCH', `/api/branches/${branchId}`, this.adminToken, {
      serviceDesk: place,
    });
  }

  /** The branch's topics in display order (as the kiosk shows them). */
  async topics(branchId = 'main'): Promise<{ id: string; label: string; skill: string }[]> {
    const { topics } = await call<{
      topics: { id: string; label: string; skill: string; hidden: boolean }[];
    }>(this.base, 'GET', `/api/branches/${branchId}/topics`, this.adminToken);
    return topics.filter((topic) => !topic.hidden);
  }

  /** The first visible topic that needs `skill`. */
  async topicFor(skill: string): Promise<{ id: string; label: string; skill: string }> {
    const topic = (await this.topics()).find((t) => t.skill === skill);
    if (!topic) throw new Error(`No starter topic for skill ${skill}`);
    return topic;
  }

  /** A patron's request made by an API-only kiosk (for tests where the kiosk is not the point). */
  async createRequest(
    kioskToken: string,
    body: { topicId: string; name?: string; note?: string; needs?: string[] },
  ): Promise<HelpRequest> {
    const { request } = await call<{ request: HelpRequest }>(
      this.base,
      'POST',
      '/api/requests',
      kioskToken,
      {
        id: randomUUID(),
        ...body,
      },
    );
    return request;
  }

  /** One staff action on a request over the API (`claim`, `start`, `resolve`...). */
  async act(
    staffToken: string,
    id: string,
    action: string,
    body: Record<string, unknown> = {},
  ): Promise<HelpRequest> {
    const { request } = await call<{ request: HelpRequest }>(
      this.base,
      'POST',
      `/api/requests/${id}/${action}`,
      staffToken,
      { opId: randomUUID(), ...body },
    );
    return request;
  }

  /** Saves new content for a script and publishes it, as a supervisor's edit does. */
  async editScript(id: string, change: (script: ScriptShape) => ScriptShape): Promise<ScriptShape> {
    const { script } = await call<{ script: ScriptShape & { latestVersion: number } }>(
      this.base,
      'GET',
      `/api/scripts/${id}`,
      this.adminToken,
    );
    const next = change(script);
    const body = {
      version: script.latestVersion,
      title: next.title,
      purpose: next.purpose,
      tags: next.tags,
      topicIds: next.topicIds,
      steps: next.steps,
      ...(next.levels ? { levels: next.levels } : {}),
    };
    const saved = await call<{ script: ScriptShape & { latestVersion: number } }>(
      this.base,
      'PUT',
      `/api/scripts/${id}`,
      this.adminToken,
      body,
    );
    await call(this.base, 'POST', `/api/scripts/${id}/publish`, this.adminToken, {
      version: saved.script.latestVersion,
    });
    return saved.script;
  }

  /** Renames one of the branch's topics, as a supervisor does on the Topics screen. */
  async renameTopic(id: string, label: string, branchId = 'main'): Promise<void> {
    await call(this.base, 'PATCH', `/api/branches/${branchId}/topics/${id}`, this.adminToken, {
      label,
    });
  }

  /** Withdraws a script from every device, as a supervisor's Withdraw does. */
  async withdrawScript(id: string): Promise<void> {
    await call(this.base, 'POST', `/api/scripts/${id}/unpublish`, this.adminToken, {});
  }
}

interface ScriptShape {
  id: string;
  title: string;
  purpose: string;
  tags: string[];
  topicIds: string[];
  steps: { text: string; phrases: string[] }[];
  levels?: { standard: string; extended: string; exceptional: string };
}

function parseEvent(block: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of block.split('\n')) {
    if (!line || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const key = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    fields[key] = fields[key] !== undefined && key === 'data' ? `${fields[key]}\n${value}` : value;
  }
  return fields;
}
