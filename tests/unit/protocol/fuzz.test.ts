// Issue 9, finding 4: property-based fuzzing of every route's body, query and path with
// fast-check, signed in as admin, staff and kiosk so each route is reached past its checks.
// The one property: no answer is ever 5xx, and every refusal is `{error: {code, message}}`.
// Bounded (RUNS per route) so it runs in `npm test` in seconds, on both stores; a failure
// prints the shrunk counterexample, which is then worth a test of its own.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { forEachStore, type Answer, type Json } from '../../support/server.js';

const RUNS = 40;

/** Any text, control characters, lone surrogates and astral code points included. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\uD800', '%', '../..', 'x'.repeat(400)),
);

/** Any JSON value a client might send for one field. */
const anyValue: fc.Arbitrary<Json> = fc.oneof(
  anyText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(anyText, { maxLength: 4 }),
  fc.dictionary(anyText, anyText, { maxKeys: 3 }),
);

/** A body: mostly the route's own fields with fuzzed values, sometimes any JSON at all. */
function bodyOf(fields: string[]): fc.Arbitrary<Json> {
  const shaped =
    fields.length === 0
      ? fc.constant({})
      : fc.record(Object.fromEntries(fields.map((field) => [field, anyValue])), {
          requiredKeys: [],
        });
  return fc.oneof(
    { weight: 4, arbitrary: shaped },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    {
      weight: 1,
      arbitrary: fc.tuple(shaped, anyText, anyValue).map(([body, key, value]) => ({
        ...(body as object),
        [key]: value,
      })),
    },
  );
}

/** Every byte %-encoded (encodeURIComponent throws on a lone surrogate). */
const enc = (text: string) =>
  Array.from(Buffer.from(text, 'utf8'), (b) => `%${b.toString(16).padStart(2, '0')}`).join('');

/** A query string of the route's own parameters (and sometimes another), fuzzed. */
function queryOf(names: string[]): fc.Arbitrary<string> {
  const name = fc.oneof(fc.constantFrom(...names, 'x'), anyText);
  return fc
    .array(fc.tuple(name, anyText), { maxLength: 3 })
    .map((pairs) =>
      pairs.length ? `?${pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&')}` : '',
    );
}

/** A path segment: any text, %-encoded (a broken encoding now and then). */
const anySegment = fc.oneof(
  anyText.filter((s) => s.length > 0).map(enc),
  fc.constantFrom('%zz', '%E0%A4%A', '%00', '..', 'main'),
);

function expectNoServerError(answer: Answer, what: string): void {
  expect(answer.status, `${what} -> ${answer.text}`).toBeLessThan(500);
  if (answer.status >= 400) {
    expect(answer.body?.error, `${what} -> ${answer.text}`).toMatchObject({
      code: expect.any(String),
      message: expect.any(String),
    });
  }
}

forEachStore('fuzz: no 5xx from any route', (server) => {
  it('bodies, queries and paths of every route, as admin, staff and kiosk', async () => {
    const scene = await server.scene();
    const admin = await server.adminToken();
    const branch = scene.branchId;
    const topicId = (await server.topicIds(branch, scene.kiosk.token))[0]!;
    const request = await server.createRequest(scene.kiosk);
    const claimed = await server.requestIn(scene, 'claimed');
    const script = await server.ok(
      'POST',
      '/api/scripts',
      {
        token: admin,
        body: {
          title: `Fuzz ${randomUUID().slice(0, 6)}`,
          purpose: 'fuzzing',
          tags: [],
          topicIds: [],
          steps: [{ text: 'Say hello', phrases: [] }],
        },
      },
      201,
    );
    const scriptId = script.script.id as string;
    const rover = scene.rover.token;
    const kiosk = scene.kiosk.token;
    const tablet = scene.rover.tabletToken;

    // [method, path, token, body fields (undefined: no body), query names]
    const routes: [string, string, string | undefined, string[] | undefined, string[]][] = [
      ['GET', '/api/health', undefined, undefined, []],
      ['GET', '/api/session', rover, undefined, []],
      ['DELETE', '/api/session', tablet, undefined, ['staffId']],
      ['POST', '/api/session/admin', undefined, ['username', 'password'], []],
      ['POST', '/api/session/setup', undefined, ['setupToken', 'password'], []],
      ['POST', '/api/session/admin/password', admin, ['current', 'next'], []],
      ['POST', '/api/session/staff', tablet, ['staffId', 'pin'], []],
      ['GET', '/api/branches', admin, undefined, []],
      ['POST', '/api/branches', admin, ['id', 'name'], []],
      ['GET', `/api/branches/${branch}`, kiosk, undefined, []],
      ['PATCH', `/api/branches/${branch}`, admin, ['name', 'serviceDesk', 'languages'], []],
      ['GET', '/api/skills', rover, undefined, []],
      ['POST', '/api/skills', admin, ['id', 'label'], []],
      ['PATCH', '/api/skills/general', admin, ['label', 'retired'], []],
      ['GET', `/api/branches/${branch}/staff`, tablet, undefined, []],
      ['GET', '/api/staff', admin, undefined, []],
      ['POST', '/api/staff', admin, ['displayName', 'pin', 'skills', 'branchIds'], []],
      [
        'PATCH',
        `/api/staff/${randomUUID()}`,
        admin,
        ['displayName', 'pin', 'skills', 'active'],
        [],
      ],
      ['GET', '/api/devices', admin, undefined, []],
      ['POST', '/api/devices/enrollments', admin, ['branchId', 'kind', 'label'], []],
      ['POST', '/api/devices/enroll', undefined, ['code'], []],
      ['POST', `/api/devices/${randomUUID()}/revoke`, admin, [], []],
      ['GET', `/api/branches/${branch}/topics`, kiosk, undefined, ['lang']],
      [
        'POST',
        `/api/branches/${branch}/topics`,
        admin,
        ['id', 'label', 'skill', 'icon', 'labels'],
        [],
      ],
      ['PUT', `/api/branches/${branch}/topics/order`, admin, ['ids'], []],
      [
        'PATCH',
        `/api/branches/${branch}/topics/${topicId}`,
        admin,
        ['label', 'skill', 'icon', 'hidden', 'labels'],
        [],
      ],
      [
        'POST',
        '/api/requests',
        kiosk,
        ['id', 'topicId', 'name', 'note', 'needs', 'language', 'origin', 'zone', 'claim'],
        [],
      ],
      [
        'POST',
        '/api/requests',
        rover,
        ['id', 'topicId', 'name', 'note', 'needs', 'language', 'origin', 'zone', 'claim'],
        [],
      ],
      [
        'POST',
        '/api/interactions',
        rover,
        ['id', 'topicId', 'outcome', 'effort', 'language', 'minutes'],
        [],
      ],
      ['GET', `/api/requests/${request.id}`, kiosk, undefined, []],
      ['GET', `/api/branches/${branch}/requests`, rover, undefined, ['status']],
      [
        'POST',
        `/api/requests/${claimed.id}/transfer`,
        rover,
        ['opId', 'skill', 'note', 'version'],
        [],
      ],
      [
        'POST',
        `/api/requests/${claimed.id}/resolve`,
        rover,
        ['opId', 'outcome', 'effort', 'version'],
        [],
      ],
      ['POST', `/api/requests/${request.id}/claim`, rover, ['opId', 'version'], []],
      ['POST', `/api/requests/${request.id}/cancel`, kiosk, ['opId', 'version'], []],
      ['GET', `/api/branches/${branch}/report`, admin, undefined, ['from', 'to', 'tz']],
      ['GET', '/api/scripts', admin, undefined, ['drafts']],
      ['GET', `/api/scripts/${scriptId}`, admin, undefined, []],
      ['GET', `/api/scripts/${scriptId}/versions`, admin, undefined, []],
      ['POST', '/api/scripts', admin, ['id', 'title', 'purpose', 'tags', 'topicIds', 'steps'], []],
      [
        'PUT',
        `/api/scripts/${scriptId}`,
        admin,
        ['title', 'purpose', 'tags', 'topicIds', 'steps', 'levels', 'version'],
        [],
      ],
      ['POST', `/api/scripts/${scriptId}/publish`, admin, ['version'], []],
      ['POST', `/api/scripts/${scriptId}/unpublish`, admin, [], []],
      ['POST', `/api/scripts/${scriptId}/versions/1/restore`, admin, ['version'], []],
    ];

    for (const [method, path, token, fields, queryNames] of routes) {
      await fc.assert(
        fc.asyncProperty(
          fields === undefined ? fc.constant(undefined) : bodyOf(fields),
          queryOf(queryNames),
          async (body, query) => {
            const answer = await server.call(method, path + query, {
              token,
              ...(body === undefined ? {} : { rawBody: JSON.stringify(body) }),
            });
            expectNoServerError(answer, `${method} ${path}${query} ${JSON.stringify(body)}`);
          },
        ),
        { numRuns: RUNS },
      );
    }

    // Path parameters: every `:param` fuzzed, as whoever may call the route.
    const templates: [string, (segment: string) => string, string][] = [
      ['GET', (s) => `/api/branches/${s}`, kiosk],
      ['GET', (s) => `/api/branches/${s}/topics`, kiosk],
      ['GET', (s) => `/api/branches/${s}/requests`, rover],
      ['GET', (s) => `/api/branches/${s}/report?from=2026-01-01&to=2026-01-02`, admin],
      ['GET', (s) => `/api/requests/${s}`, rover],
      ['POST', (s) => `/api/requests/${s}/claim`, rover],
      ['PATCH', (s) => `/api/staff/${s}`, admin],
      ['PATCH', (s) => `/api/skills/${s}`, admin],
      ['POST', (s) => `/api/devices/${s}/revoke`, admin],
      ['PATCH', (s) => `/api/branches/${branch}/topics/${s}`, admin],
      ['GET', (s) => `/api/scripts/${s}`, admin],
      ['POST', (s) => `/api/scripts/${scriptId}/versions/${s}/restore`, admin],
      ['GET', (s) => `/${s}`, kiosk],
      ['GET', (s) => `/api/${s}`, kiosk],
    ];
    for (const [method, pathOf, token] of templates) {
      await fc.assert(
        fc.asyncProperty(anySegment, async (segment) => {
          const path = pathOf(segment);
          const body = method === 'GET' ? {} : { rawBody: JSON.stringify({ opId: randomUUID() }) };
          const answer = await server.call(method, path, { token, ...body });
          expectNoServerError(answer, `${method} ${path}`);
        }),
        { numRuns: RUNS },
      );
    }
  });
});
