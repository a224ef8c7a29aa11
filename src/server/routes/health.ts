// `GET /api/health`: up, and on which store.
import { HealthAnswer } from '../../shared/schemas.js';
import type { RouteModule } from '../context.js';

export const healthRoutes: RouteModule = (app, { store }) => {
  app.get('/api/health', { schema: { response: { 200: HealthAnswer } } }, async () => {
    await store.query('SELECT 1');
    return { ok: true, store: store.kind };
  });
};
