// `npm run bench`: builds the app if it is stale, then runs the TypeScript bench
// (tests/bench/cli.ts). Options are passed through: see tests/bench/README.md.
import { runBenchCli } from './run-bench-cli.mjs';

await runBenchCli('cli');
