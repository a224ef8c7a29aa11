// `npm run bench [-- --quick] [--store pglite|postgres|both] [--only fanout,claims,...]
// [--cpu-prof] [--trace]`: runs the bench, prints the table, writes tests/bench/results/.
import { runBench, GROUPS, type FigureGroup } from './run.js';
import { save, table } from './report.js';
import type { StoreKind } from './stats.js';

const USAGE = `usage: npm run bench -- [--quick] [--store pglite|postgres|both] [--only ${GROUPS.join(',')}] [--cpu-prof] [--trace]`;

export async function main(argv: readonly string[], root: string): Promise<number> {
  let quick = false;
  let stores: StoreKind[] = ['pglite', 'postgres'];
  let only: FigureGroup[] | undefined;
  let cpuProf = false;
  let trace = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => argv[++i] ?? '';
    if (arg === '--quick') quick = true;
    else if (arg === '--cpu-prof') cpuProf = true;
    else if (arg === '--trace') trace = true;
    else if (arg === '--store') {
      const store = value();
      if (store === 'both') stores = ['pglite', 'postgres'];
      else if (store === 'pglite' || store === 'postgres') stores = [store];
      else return fail(`unknown store "${store}"`);
    } else if (arg === '--only') {
      only = value().split(',') as FigureGroup[];
      const unknown = only.find((g) => !GROUPS.includes(g));
      if (unknown) return fail(`unknown figure group "${unknown}"`);
    } else return fail(`unknown option "${arg}"`);
  }
  // However the bench goes, it stops on its own.
  const limitMs = quick ? 5 * 60_000 : 30 * 60_000;
  const watchdog = setTimeout(() => {
    console.error(`The bench ran over ${limitMs / 60_000} minutes; stopping.`);
    process.exit(2);
  }, limitMs);
  watchdog.unref();
  const report = await runBench({
    root,
    quick,
    stores,
    only,
    cpuProf,
    trace,
    log: (line) => console.log(line),
  });
  clearTimeout(watchdog);
  const file = save(root, report);
  console.log(`\n${table(report.figures)}\n`);
  console.log(`${report.seconds} s; results in ${file}`);
  const missed = report.figures.filter((f) => !f.pass && !f.budget.informs);
  if (missed.length)
    console.log(`Over budget: ${missed.map((f) => `${f.id} (${f.store ?? '-'})`).join(', ')}`);
  return missed.length ? 1 : 0;
}

function fail(message: string): number {
  console.error(`${message}\n${USAGE}`);
  return 64;
}
