// The built client at `/`: files as they are, the SPA's index.html for any other page path
// (but follow.html, the patron's light page of its own, for `/follow/<token>`),
// and caching that lets an update reach devices (no-cache on the shell, immutable assets),
// sent brotli- or gzip-compressed from the copies made at build time.
// Without a build, `/` says how to make one; the API works either way.
import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { send } from '../http-errors.js';
import type { RoveApp } from '../typebox.js';

const REVALIDATE = new Set([
  'index.html',
  'follow.html',
  'service-worker.js',
  'sw.js',
  'manifest.webmanifest',
]);

/** A patron's follow link (docs/API.md, "Following on a phone"): its own page, not the app. */
const FOLLOW_PAGE = /^\/follow(\/|$)/;

const NO_BUILD_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rove</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<h1>Rove is running</h1>
<p>The server and its API are up, but the app itself has not been built yet.</p>
<p>Run <code>npm run build</code> (or <code>npm start</code>, which builds when needed) and reload this page.</p>
</body></html>`;

export async function registerClient(app: RoveApp, clientDir: string): Promise<void> {
  const root = resolve(clientDir);
  const built = existsSync(resolve(root, 'index.html'));

  if (built) {
    await app.register(fastifyStatic, {
      root,
      cacheControl: false,
      index: ['index.html'],
      // The .br and .gz copies scripts/compress.mjs made at build time, as the browser accepts.
      preCompressed: true,
      setHeaders(response, filePath) {
        const relative = filePath
          .slice(root.length + 1)
          .split(sep)
          .join('/')
          .replace(/\.(br|gz)$/, '');
        const name = relative.split('/').pop() ?? '';
        if (relative.startsWith('assets/')) {
          response.header('cache-control', 'public, max-age=31536000, immutable');
        } else if (REVALIDATE.has(name)) {
          response.header('cache-control', 'no-cache');
        } else {
          response.header('cache-control', 'public, max-age=3600');
        }
      },
    });
  } else {
    app.get('/', (_request, reply) => reply.type('text/html; charset=utf-8').send(NO_BUILD_PAGE));
  }

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') && !/^\/api(\/|$)/.test(path);
    // A deep link (/staff, /enroll?code=...) is a page of the SPA; a missing file is a 404.
    const looksLikeFile = /\.[a-z0-9]+$/i.test(path) && !path.endsWith('.html');
    if (isPage && !looksLikeFile) {
      if (!built) return reply.type('text/html; charset=utf-8').send(NO_BUILD_PAGE);
      reply.header('cache-control', 'no-cache');
      // (helmet's `Referrer-Policy: no-referrer` keeps the token in its path out of any Referer.)
      if (FOLLOW_PAGE.test(path)) return reply.sendFile('follow.html');
      return reply.sendFile('index.html');
    }
    return send(reply, 404, 'not_found', `There is no ${request.method} ${path}`);
  });
}
