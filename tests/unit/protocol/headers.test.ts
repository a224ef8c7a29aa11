// Issue 9, finding 5: no security headers. Every answer (API, the app's page, a missing path)
// now carries a strict CSP, nosniff and no-referrer (src/server/app.ts, docs/SECURITY.md).
import { existsSync } from 'node:fs';
import { expect, it } from 'vitest';
import { forEachStore } from '../../support/server.js';

forEachStore('security headers', (server) => {
  it('API answers, the app and 404s carry a strict CSP, nosniff and no-referrer', async () => {
    const paths = ['/api/health', '/api/no-such-thing', '/kiosk'];
    if (existsSync('dist/client/index.html')) paths.push('/', '/service-worker.js');
    for (const path of paths) {
      const answer = await server.get(path);
      const csp = answer.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/(^|;)\s*default-src 'self'(;|$)/);
      expect(csp, path).toMatch(/(^|;)\s*script-src 'self'(;|$)/);
      expect(csp, path).toMatch(/(^|;)\s*frame-ancestors 'none'(;|$)/);
      expect(csp, path).toMatch(/(^|;)\s*object-src 'none'(;|$)/);
      expect(csp, path).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
      expect(answer.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(answer.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(answer.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('an event stream, answered on its raw socket, carries them too', async () => {
    const stream = await server.openStream('/api/scripts/events');
    try {
      expect(stream.status).toBe(200);
      expect(String(stream.headers['content-security-policy'])).toMatch(
        /(^|;)\s*default-src 'self'(;|$)/,
      );
      expect(stream.headers['x-content-type-options']).toBe('nosniff');
      expect(stream.headers['referrer-policy']).toBe('no-referrer');
    } finally {
      stream.close();
    }
  });

  it('the built page has no inline script or style for the CSP to refuse', async () => {
    if (!existsSync('dist/client/index.html')) return;
    const page = await server.get('/');
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page.text).not.toMatch(/<style|style=/);
  });
});
