// `GET /api/health`: up, and on which store; 503 while the store does not answer (docs/API.md,
// "Health"), so a load balancer can tell "store down, try shortly" from a bug. It answers 200
// again by itself once the store does.
import { HealthAnswer } from '../../shared/schemas.js';
import type { RouteModule } from '../context.js';
import { RETRY_AFTER_SECONDS, unavailableReason } from '../store/unavailable.js';

/** A store that has not answered `SELECT 1` in this long is reported down. */
const HEALTH_TIMEOUT_MS = 3000;

export const healthRoutes: RouteModule = (app, { store }) => {
  app.get(
    '/api/health',
    { schema: { response: { 200: HealthAnswer, 503: HealthAnswer } } },
    async (_request, reply) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          store.query('SELECT 1'),
          new Promise((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`no answer in ${HEALTH_TIMEOUT_MS} ms`)),
              HEALTH_TIMEOUT_MS,
            );
          }),
        ]);
        return { ok: true, store: store.kind };
      } catch (error) {
        const reason =
          unavailableReason(error) ?? (error instanceof Error ? error.message : String(error));
        reply.header('retry-after', String(RETRY_AFTER_SECONDS));
        return reply.status(503).send({ ok: false, store: store.kind, reason });
      } finally {
        clearTimeout(timer);
      }
    },
  );
};
