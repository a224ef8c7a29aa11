// What every route file is handed: the store, the stream hub, the configuration, the limits.
import type { Limits } from './auth/limits.js';
import type { ServerConfig } from './config.js';
import type { StreamHub } from './stream/hub.js';
import type { Store } from './store/store.js';
import type { RoveApp } from './typebox.js';

export interface AppContext {
  store: Store;
  hub: StreamHub;
  config: ServerConfig;
  limits: Limits;
}

/** A route file: registers its routes on `app`. */
export type RouteModule = (app: RoveApp, context: AppContext) => void | Promise<void>;
