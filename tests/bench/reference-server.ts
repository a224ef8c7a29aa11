// The reference server (reference-core.ts): the floor of the machine, with no store.
//
// Built by the bench with esbuild into its private app copy and run as
// `node tests/bench/reference-server.mjs` with PORT and HOST; prints
// "The reference server is running at http://HOST:PORT".
import { serveReference } from './reference-core.js';

serveReference();
