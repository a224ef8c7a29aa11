// What `npm run bench` and `npm run soak` share: build what is stale (as `npm start` does,
// scripts/stale-builds.mjs, so a timed start-up never times a build), bundle one TypeScript
// entry of tests/bench with esbuild (already installed with Vite) and run its `main`.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ROOT, buildWhatIsStale } from './stale-builds.mjs';

/** Runs tests/bench/<name>.ts's `main(args, root)` and sets the exit code it answers. */
export async function runBenchCli(name) {
  buildWhatIsStale((script, status) => {
    console.error(`npm run ${script} failed (exit code ${status}): nothing to measure.`);
    process.exit(1);
  });
  const outfile = join(ROOT, 'node_modules', '.cache', 'rove-bench', `${name}.mjs`);
  await build({
    entryPoints: [join(ROOT, 'tests', 'bench', `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  const { main } = await import(pathToFileURL(outfile).href);
  process.exitCode = await main(process.argv.slice(2), ROOT);
}
