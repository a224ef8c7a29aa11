// `npm run soak`: builds the app if it is stale, then runs the TypeScript soak
// (tests/bench/soak-cli.ts). Started with --experimental-websocket (package.json): the soak
// reads the server's memory over the inspector protocol, a WebSocket, and Node 20 has no
// WebSocket without it. Options are passed through: see tests/bench/README.md, "Soak".
import { runBenchCli } from './run-bench-cli.mjs';

await runBenchCli('soak-cli');
