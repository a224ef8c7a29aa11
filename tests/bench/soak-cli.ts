// `npm run soak [-- --minutes N] [--tablets N] [--kiosks N] [--rovers N]`: runs the soak
// (soak.ts), prints each check and the figures, and exits non-zero when any check fails.
import { runSoak, SOAK_DEFAULTS } from './soak.js';

const USAGE =
  'usage: npm run soak -- [--minutes N] [--tablets N] [--kiosks N] [--rovers N] ' +
  '[--asks-per-minute N (per kiosk)] [--drops-per-minute N (per stream)]';

const FLAGS: Record<string, keyof typeof SOAK_DEFAULTS> = {
  '--minutes': 'minutes',
  '--tablets': 'tablets',
  '--kiosks': 'kiosks',
  '--rovers': 'rovers',
  '--asks-per-minute': 'asksPerKioskMinute',
  '--drops-per-minute': 'dropsPerStreamMinute',
  '--presence-per-minute': 'presencePerStaffMinute',
};

export async function main(argv: readonly string[], root: string): Promise<number> {
  const sizes = { ...SOAK_DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const key = FLAGS[argv[i]!];
    const value = Number(argv[i + 1]);
    if (!key || !Number.isFinite(value) || value < 0) {
      console.error(`${argv[i]} ${argv[i + 1] ?? ''}: not understood\n${USAGE}`);
      return 64;
    }
    sizes[key] = value;
    i++;
  }
  if (sizes.rovers > sizes.tablets || sizes.minutes <= 0 || sizes.kiosks < 1) {
    console.error(
      `--rovers must not exceed --tablets, and --minutes, --kiosks be over 0\n${USAGE}`,
    );
    return 64;
  }
  // However the soak goes, it stops on its own.
  const limitMs = (sizes.minutes + 10) * 60_000;
  const watchdog = setTimeout(() => {
    console.error(`The soak ran over ${limitMs / 60_000} minutes; stopping.`);
    process.exit(2);
  }, limitMs);
  watchdog.unref();
  console.log(
    `Soak: ${sizes.minutes} min, ${sizes.tablets} tablets' streams, ${sizes.kiosks} kiosks, ` +
      `${sizes.rovers} rovers (${new Date().toISOString()})`,
  );
  const result = await runSoak({ root, ...sizes, log: (line) => console.log(line) });
  clearTimeout(watchdog);
  console.log('\nChecks:');
  for (const check of result.checks) {
    console.log(`  ${check.pass ? 'pass' : 'FAIL'}  ${check.name}: ${check.detail}`);
  }
  console.log('\nFigures:');
  for (const [key, value] of Object.entries(result.figures)) console.log(`  ${key}: ${value}`);
  console.log(result.pass ? '\nSoak passed.' : '\nSoak FAILED.');
  return result.pass ? 0 : 1;
}
