// Component tests cannot reach a Rove server, so the test page answers the component's own
// fetch calls here, at the network boundary, with the shapes docs/API.md gives.
interface FakeAnswer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}
interface FakeCall {
  method: string;
  path: string;
  body: unknown;
  /** The query string's parameters. */
  query: Record<string, string>;
}
type Handler = (body: unknown, call: FakeCall) => FakeAnswer;

export class FakeServer {
  readonly calls: FakeCall[] = [];
  private routes = new Map<string, Handler>();
  private realFetch?: typeof fetch;

  /** Answer `METHOD /path` (no query string) with the handler's answer. */
  on(method: string, path: string, answer: FakeAnswer | Handler): this {
    this.routes.set(`${method} ${path}`, typeof answer === 'function' ? answer : () => answer);
    return this;
  }

  callsTo(method: string, path: string): FakeCall[] {
    return this.calls.filter((c) => c.method === method && c.path === path);
  }

  install(): this {
    this.realFetch = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input instanceof Request ? input.url : input), location.href);
      const method = (init?.method ?? 'GET').toUpperCase();
      const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      const query = Object.fromEntries(url.searchParams);
      const call = { method, path: url.pathname, body, query };
      this.calls.push(call);
      const handler = this.routes.get(`${method} ${url.pathname}`);
      const answer: FakeAnswer = handler
        ? handler(body, call)
        : { status: 404, body: { error: { code: 'not_found', message: 'No such route' } } };
      const status = answer.status ?? 200;
      return new Response(status === 204 ? null : JSON.stringify(answer.body ?? {}), {
        status,
        headers: { 'content-type': 'application/json', ...answer.headers },
      });
    };
    return this;
  }

  restore() {
    if (this.realFetch) window.fetch = this.realFetch;
  }
}

export const BRANCHES = [
  { id: 'main', name: 'Main Library' },
  { id: 'east', name: 'East Branch' },
];

export const SKILLS = [
  { id: 'tech', label: 'Technology' },
  { id: 'books', label: 'Finding books' },
  { id: 'youth', label: 'Children and teens' },
  { id: 'history', label: 'Local history' },
  { id: 'general', label: 'General help' },
];

export function apiError(status: number, code: string, message: string, headers = {}) {
  return { status, body: { error: { code, message } }, headers };
}
