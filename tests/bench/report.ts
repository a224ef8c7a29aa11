// What a bench run leaves behind: a table on the terminal (figure / value / budget / pass, with
// the spread of the runs as noise), a Markdown copy of it for the README, and a JSON file with
// the machine, versions, commit, date and every run of every figure.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Figure } from './stats.js';

export interface Report {
  date: string;
  quick: boolean;
  /** Only some figures (`--only` or one store): never overwrites the full result. */
  partial: boolean;
  machine: Record<string, unknown>;
  versions: Record<string, string>;
  git: { commit: string; dirty: boolean };
  figures: Figure[];
  seconds: number;
}

const PACKAGES = [
  'fastify',
  '@electric-sql/pglite',
  'pg',
  'lit',
  'dexie',
  'vite',
  'workbox-window',
  'playwright-core',
];

function version(root: string, name: string): string {
  try {
    const file = join(root, 'node_modules', name, 'package.json');
    return String(JSON.parse(readFileSync(file, 'utf8')).version);
  } catch {
    return 'missing';
  }
}

function git(root: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return '';
  }
}

export function describeMachine(root: string, extra: Record<string, string> = {}) {
  const cpu = cpus();
  const versions: Record<string, string> = { node: process.version };
  for (const name of PACKAGES) versions[name] = version(root, name);
  let postgres = '';
  try {
    postgres = execFileSync('/usr/lib/postgresql/15/bin/postgres', ['--version']).toString().trim();
  } catch {
    postgres = 'not found';
  }
  versions.postgresql = postgres;
  return {
    machine: {
      cpus: cpu.length,
      cpuModel: cpu[0]?.model ?? 'unknown',
      memoryMb: Math.round(totalmem() / 2 ** 20),
      freeMemoryMb: Math.round(freemem() / 2 ** 20),
      loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
      platform: `${process.platform} ${process.arch}`,
    },
    versions: { ...versions, ...extra },
    git: {
      commit: git(root, ['rev-parse', 'HEAD']) || 'unknown',
      dirty: git(root, ['status', '--porcelain', '--', 'src']) !== '',
    },
  };
}

const fmt = (n: number) =>
  !Number.isFinite(n) ? String(n) : Number.isInteger(n) ? String(n) : n.toFixed(n >= 10 ? 1 : 2);

function rows(figures: readonly Figure[]): string[][] {
  return figures.map((f) => {
    const x = f.budget.of === 'ratio' ? 'x' : ` ${f.unit}`;
    return [
      f.label,
      f.store ?? '-',
      `${fmt(f.median)} ${f.unit}`,
      f.runs.length > 1 ? `${fmt(f.min)}..${fmt(f.max)}` : '-',
      f.reference ? `${fmt(f.reference.median)} ${f.unit}` : '-',
      f.ratio ? `${f.ratio.median.toFixed(2)}x` : '-',
      f.ratio && f.ratio.runs.length > 1
        ? `${f.ratio.min.toFixed(2)}..${f.ratio.max.toFixed(2)}`
        : '-',
      `${f.budget.op} ${fmt(f.budget.value)}${x}`,
      f.budget.informs ? (f.pass ? '(within)' : '(beyond)') : f.pass ? 'pass' : 'MISS',
    ];
  });
}

const HEAD = [
  'figure',
  'store',
  'Rove (median)',
  'runs min..max',
  'reference (median)',
  'ratio',
  'ratios min..max',
  'budget',
  'pass',
];

export function table(figures: readonly Figure[]): string {
  const all = [HEAD, ...rows(figures)];
  const widths = HEAD.map((_, c) => Math.max(...all.map((row) => row[c]!.length)));
  const line = (row: string[]) => row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ');
  return [line(HEAD), widths.map((w) => '-'.repeat(w)).join('  '), ...rows(figures).map(line)].join(
    '\n',
  );
}

function markdown(report: Report): string {
  const m = report.machine;
  const head = `| ${HEAD.join(' | ')} |\n|${HEAD.map(() => '---').join('|')}|`;
  const body = rows(report.figures)
    .map((row) => `| ${row.join(' | ')} |`)
    .join('\n');
  return (
    `${report.date.slice(0, 10)}, commit ${report.git.commit.slice(0, 7)}` +
    `${report.git.dirty ? ' (with local changes)' : ''}, ${m.cpus} × ${m.cpuModel}, ` +
    `${m.memoryMb} MB, Node ${report.versions.node}\n\n${head}\n${body}\n`
  );
}

/** Writes `results/latest.json` and `latest.md` (a full run), or `partial.json` / `quick.json`. */
export function save(root: string, report: Report): string {
  const dir = join(root, 'tests', 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const name = report.quick ? 'quick' : report.partial ? 'partial' : 'latest';
  const file = join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  if (name === 'latest') writeFileSync(join(dir, 'latest.md'), markdown(report));
  return file;
}
