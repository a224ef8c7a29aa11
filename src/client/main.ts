// Rove's entry: register the service worker (offline shell, updates) and mount the shell.
import { registerServiceWorker } from './pwa/register.js';
import './app/rove-app.js';

registerServiceWorker();
