// What the service worker may cache: reference data yes, anything with patron data or live state
// never. These are the exact predicates src/sw/service-worker.ts routes with.
import { describe, expect, it } from 'vitest';
import { isAppNavigation, isCacheableReference, isNeverCached } from '../../../src/sw/routes.js';

const origin = 'https://rove.example.org';
const at = (path: string) => new URL(path, origin);

describe('service worker routes', () => {
  it.each([
    '/api/branches/main/topics',
    '/api/branches/north-1/staff',
    '/api/scripts',
    '/api/scripts/warm-greeting',
  ])('caches reference data at %s', (path) => {
    expect(isCacheableReference(at(path), origin)).toBe(true);
  });

  it.each([
    '/api/requests',
    '/api/requests/r-1',
    '/api/requests/r-1/claim',
    '/api/branches/main/requests',
    '/api/branches/main/events',
    '/api/kiosk/events',
    '/api/session',
    '/api/session/staff',
    '/api/devices',
    '/api/health',
    '/api/staff',
    '/api/branches/main/topics/computers',
    '/api/branches/main/staff/extra',
    '/api/scripts?drafts=true',
    '/api/scripts/warm-greeting/versions',
    '/api/branches/main/topics?hidden=true',
  ])('never caches %s', (path) => {
    expect(isCacheableReference(at(path), origin)).toBe(false);
  });

  it('marks requests, event streams and sessions as never cached', () => {
    expect(isNeverCached('/api/requests/r-1')).toBe(true);
    expect(isNeverCached('/api/branches/main/events')).toBe(true);
    expect(isNeverCached('/api/kiosk/events')).toBe(true);
    expect(isNeverCached('/api/session')).toBe(true);
    expect(isNeverCached('/api/branches/main/topics')).toBe(false);
  });

  it('ignores other origins', () => {
    const foreign = new URL('/api/branches/main/topics', 'https://elsewhere.example.org');
    expect(isCacheableReference(foreign, origin)).toBe(false);
    expect(isAppNavigation(new URL('/kiosk', 'https://elsewhere.example.org'), origin)).toBe(false);
  });

  it.each(['/', '/kiosk', '/staff', '/scripts/warm-greeting', '/admin/devices', '/enroll?code=x'])(
    'answers the navigation to %s with the app shell',
    (path) => {
      expect(isAppNavigation(at(path), origin)).toBe(true);
    },
  );

  it.each(['/api', '/api/health', '/api/branches/main/events', '/follow/abc_DEF-123'])(
    'lets the navigation to %s reach the server',
    (path) => {
      expect(isAppNavigation(at(path), origin)).toBe(false);
    },
  );
});
