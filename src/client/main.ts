// Rove's entry: register the service worker (offline shell, updates) and mount the shell.
import { registerServiceWorker } from './core/pwa/register.js';
import './app/rove-app.js';

registerServiceWorker();
