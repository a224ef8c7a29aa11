// Wires Fastify: strict validation, one error handler, cookies, the API routes, the built
// client. Never listens: main.ts (or a test) does that, so tests run it all in-process.
import Fastify, { LogController } from 'fastify';
import cookie from '@fastify/cookie';
import { createLimits, type Limits } from './auth/limits.js';
import type { ServerConfig } from './config.js';
import type { AppContext } from './context.js';
import { errorHandler, send } from './http-errors.js';
import { LOG_SERIALIZERS } from './log.js';
import { ROUTES } from './routes/index.js';
import { securityHeaders } from './security-headers.js';
import { registerClient } from './routes/client.js';
import type { StreamHub } from './stream/hub.js';
import type { Store } from './store/store.js';
import type { RoveApp, TypeBoxProvider } from './typebox.js';

const BODY_LIMIT = 16 * 1024;

/**
 * The Content Security Policy of every answer (docs/SECURITY.md "Headers"): the app's own
 * scripts, styles, images and API only. Lit styles with constructed style sheets (no inline
 * `<style>`), the enrollment QR code is inline SVG drawn by Lit, and Workbox's service worker
 * is a file of this origin: none of them needs more. No `upgrade-insecure-requests`: a branch
 * trying Rove on plain HTTP at a LAN address must still work (docs/SECURITY.md asks for HTTPS).
 */
export const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  manifestSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  scriptSrcAttr: ["'none'"],
};

/** Every answer's security headers, with the CSP above (security-headers.ts). */
export const SECURITY_HEADERS = securityHeaders({
  contentSecurityPolicy: { useDefaults: false, directives: CSP },
  referrerPolicy: { policy: 'no-referrer' },
  xFrameOptions: { action: 'deny' },
});

interface AppParts {
  store: Store;
  hub: StreamHub;
  config: ServerConfig;
  limits?: Limits;
}

export async function createApp({ store, hub, config, limits }: AppParts): Promise<RoveApp> {
  const app = Fastify({
    // Known fields only: no bodies, SQL parameters, names, notes, PINs or hashes (log.ts).
    logger: { level: config.logLevel, serializers: LOG_SERIALIZERS },
    // One line per request drowns what matters at a library; `LOG_LEVEL=debug` brings them back.
    logController: new LogController({
      disableRequestLogging: !['debug', 'trace'].includes(config.logLevel),
    }),
    bodyLimit: BODY_LIMIT,
    // The router's own refusals (an address with broken %-encoding) in Rove's error shape.
    frameworkErrors: (_error, _request, reply) =>
      send(reply, 400, 'invalid', 'The address is not valid: check its %-encoding'),
    // Believe X-Forwarded-Proto/For only from a proxy on this machine (the HTTPS set-up).
    trustProxy: 'loopback',
    ajv: {
      // Unknown fields are refused (400), never silently dropped; types are never coerced.
      customOptions: {
        removeAdditional: false,
        coerceTypes: false,
        allErrors: false,
        useDefaults: false,
      },
    },
  }).withTypeProvider<TypeBoxProvider>();

  app.setErrorHandler(errorHandler);
  // On the raw response, as Helmet sets them, so a stream's hijacked answer carries them too.
  app.addHook('onRequest', (_request, reply, done) => {
    for (const name in SECURITY_HEADERS) reply.raw.setHeader(name, SECURITY_HEADERS[name]!);
    done();
  });
  await app.register(cookie);
  // Every answer is fresh unless a route says otherwise: queues and sessions must not be cached.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
  });

  const context: AppContext = {
    store,
    hub,
    config,
    limits:
      limits ??
      createLimits({
        publicStreamsPerClient: config.publicStreamsPerClient,
        streamsPerDevice: config.streamsPerDevice,
      }),
  };
  await app.register(async (api) => {
    for (const route of ROUTES) await route(api as RoveApp, context);
  });
  // Last: the built app at `/`, and the answer for any path nothing else claims.
  await registerClient(app, config.clientDir);

  return app;
}
