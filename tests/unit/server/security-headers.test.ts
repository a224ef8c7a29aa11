// The security headers are worked out once (src/server/security-headers.ts): they must be
// exactly what Helmet's own middleware sets on a real response with the same options.
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import helmet from 'helmet';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CSP, SECURITY_HEADERS } from '../../../src/server/app.js';
import { securityHeaders } from '../../../src/server/security-headers.js';

const OPTIONS = {
  contentSecurityPolicy: { useDefaults: false, directives: CSP },
  referrerPolicy: { policy: 'no-referrer' },
  xFrameOptions: { action: 'deny' },
} as const;

const middleware = helmet(OPTIONS);
const server = createServer((request, response) => {
  middleware(request, response, () => response.end());
});
let helmets: IncomingHttpHeaders;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  helmets = await new Promise((resolve, reject) => {
    httpRequest({ host: '127.0.0.1', port }, (response) => {
      response.resume();
      resolve(response.headers);
    })
      .on('error', reject)
      .end();
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it("sets exactly the headers Helmet's middleware sets on a real response", () => {
  const expected = Object.fromEntries(
    Object.entries(helmets).filter(
      ([name]) => !['date', 'connection', 'keep-alive', 'content-length'].includes(name),
    ),
  );
  expect(Object.keys(expected).length).toBeGreaterThan(5);
  expect(SECURITY_HEADERS).toEqual(expected);
  expect(securityHeaders(OPTIONS)).toEqual(expected);
});

it('refuses at start what Helmet refuses (an unquoted keyword), so a bad CSP never serves', () => {
  expect(() =>
    securityHeaders({ contentSecurityPolicy: { directives: { defaultSrc: ['self'] } } }),
  ).toThrow();
});
