// `GET /api/health`: up, and on which store.
import type { RouteModule } from '../context.js';

export const healthRoutes: RouteModule = (app, { store }) => {
  app.get('/api/health', async () => {
    await store.query('SELECT 1');
    return { ok: true, store: store.kind };
  });
};
