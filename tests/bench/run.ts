// The bench itself: for each store, start the real server as its own process, set up scenes
// through the API, and measure every figure of issue 6, each over several runs.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startPostgres, type PgCluster } from '../support/postgres.js';
import { distClientOf, gzipOfLoaded, kioskFirstLoad, wireBytesOf } from './bundle.js';
import { IN_FLIGHT, claimsRun, raceRun } from './claims.js';
import { kioskOffline } from './kiosk-browser.js';
import { lighthouseFigures } from './lighthouse.js';
import { catchUpRun, fanoutRun, missEvents, Watchers } from './live.js';
import { ProcessRuns } from './process.js';
import { describeMachine, type Report } from './report.js';
import { Setup, type Scene, type Staffer } from './scene.js';
import { snapshotApp, startServer, type ServerProcess, type SpawnOptions } from './server.js';
import { figure, median, type Figure, type StoreKind } from './stats.js';

export type FigureGroup =
  'fanout' | 'claims' | 'catchup' | 'cross' | 'process' | 'bundle' | 'kiosk' | 'lighthouse';
export const GROUPS: readonly FigureGroup[] = [
  'fanout',
  'claims',
  'catchup',
  'cross',
  'process',
  'bundle',
  'kiosk',
  'lighthouse',
];
/** The groups measured on each store (the others run once, on a server of their own). */
const STORE_GROUPS: readonly FigureGroup[] = [
  'fanout',
  'claims',
  'catchup',
  'cross',
  'process',
  'kiosk',
];

export interface BenchOptions {
  /** The repository root (with a built dist/). */
  root: string;
  quick: boolean;
  stores: StoreKind[];
  /** Only these groups of figures (default: all). */
  only?: FigureGroup[];
  /** Start servers with `--cpu-prof`, profiles in tests/bench/results/profiles. */
  cpuProf?: boolean;
  /** Record a Chromium trace of the offline kiosk navigations. */
  trace?: boolean;
  log?: (line: string) => void;
}

interface Sizes {
  runs: number;
  fanoutSmall: number;
  fanoutLarge: number;
  events: number;
  claims: number;
  catchUp: number;
  crossStreams: number;
  idleStreams: number;
  processRuns: number;
  lighthouseRuns: number;
}

const FULL: Sizes = {
  runs: 5,
  fanoutSmall: 200,
  fanoutLarge: 1000,
  events: 20,
  claims: 1000,
  catchUp: 1000,
  crossStreams: 200,
  idleStreams: 1000,
  processRuns: 5,
  lighthouseRuns: 3,
};
const QUICK: Sizes = {
  runs: 1,
  fanoutSmall: 4,
  fanoutLarge: 8,
  events: 3,
  claims: 24,
  catchUp: 30,
  crossStreams: 4,
  idleStreams: 10,
  processRuns: 1,
  lighthouseRuns: 1,
};

const BRANCHES = [
  'bench-fanout-a',
  'bench-fanout-b',
  'bench-claims',
  'bench-catchup',
  'bench-cross',
];

type Budgets = Record<string, number>;

export async function runBench(options: BenchOptions): Promise<Report> {
  const began = performance.now();
  const log = options.log ?? (() => {});
  const size = options.quick ? QUICK : FULL;
  // Lighthouse takes minutes and judges only timings: a --quick run (the smoke test) leaves it
  // out unless it is asked for by name.
  const wants = (group: FigureGroup) =>
    options.only ? options.only.includes(group) : !(group === 'lighthouse' && options.quick);
  const wantsStore = STORE_GROUPS.some(wants);
  const budgets: Budgets = JSON.parse(
    readFileSync(join(options.root, 'tests', 'bench', 'budget.json'), 'utf8'),
  );
  const figures: Figure[] = [];
  const extraVersions: Record<string, string> = {};
  let cluster: PgCluster | undefined;
  const app = snapshotApp(options.root);
  const appOptions = { ...options, appRoot: app.root };
  try {
    if (wants('bundle')) figures.push(await bundleFigure(app.root, budgets));
    if (wants('lighthouse')) {
      log('\n== Lighthouse (mobile) ==');
      const found = await lighthouseFigures({
        appRoot: app.root,
        resultsDir: join(options.root, 'tests', 'bench', 'results'),
        runs: size.lighthouseRuns,
        budgets,
        log,
      });
      figures.push(...found.figures);
      extraVersions.lighthouse = found.lighthouse;
    }
    let browserDone = !wants('kiosk');
    for (const store of wantsStore ? options.stores : []) {
      log(`\n== ${store} ==`);
      if (store === 'postgres') cluster ??= await startPostgres();
      const bench = new StoreBench(store, appOptions, size, budgets, log, cluster);
      try {
        figures.push(...(await bench.live(wants)));
        if (!browserDone) {
          const found = await bench.kiosk(figures);
          extraVersions.chromium = found;
          browserDone = true;
        }
        await bench.stopServers();
        if (wants('process')) figures.push(...(await bench.processFigures()));
      } finally {
        await bench.dispose();
      }
    }
  } finally {
    await cluster?.stop();
    app.dispose();
  }
  return {
    date: new Date().toISOString(),
    quick: options.quick,
    partial: Boolean(options.only) || options.stores.length < 2,
    ...describeMachine(options.root, extraVersions),
    figures,
    seconds: Math.round((performance.now() - began) / 1000),
  };
}

/** The kiosk's first-load JS as a running server sends it (`Accept-Encoding: br, gzip`). */
async function bundleFigure(root: string, budgets: Budgets): Promise<Figure> {
  const load = kioskFirstLoad(distClientOf(root));
  const dataDir = mkdtempSync(join(tmpdir(), 'rove-bench-bundle-'));
  const server = await startServer({ root, dataDir });
  try {
    const wire = await wireBytesOf(
      server.url,
      load.files.map((f) => f.file),
    );
    return figure({
      id: 'kiosk-first-load-js',
      label: 'kiosk first load, JS for / (bytes on the wire, br/gzip)',
      unit: 'B',
      budget: { op: '<=', value: budgets.kioskFirstLoadJsWireBytes! },
      runs: [wire.reduce((sum, f) => sum + f.wireBytes, 0)],
      detail: {
        rawBytes: load.bytes,
        gzip9Bytes: load.gzipBytes,
        kioskChunks: load.kioskChunks,
        files: wire,
      },
    });
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One store's figures, on servers it starts and stops itself. */
class StoreBench {
  private dataDir = mkdtempSync(join(tmpdir(), 'rove-bench-data-'));
  private databaseUrl?: string;
  private servers: ServerProcess[] = [];
  private setup?: Setup;
  private staff: Staffer[] = [];

  constructor(
    private readonly store: StoreKind,
    private readonly options: BenchOptions & { appRoot: string },
    private readonly size: Sizes,
    private readonly budgets: Budgets,
    private readonly log: (line: string) => void,
    private readonly cluster?: PgCluster,
  ) {}

  private spawnOptions(): SpawnOptions {
    const nodeArgs = this.options.cpuProf
      ? ['--cpu-prof', `--cpu-prof-dir=${join(this.options.root, 'tests/bench/results/profiles')}`]
      : [];
    return {
      root: this.options.appRoot,
      dataDir: this.dataDir,
      databaseUrl: this.databaseUrl,
      nodeArgs,
    };
  }

  private async server(): Promise<ServerProcess> {
    if (this.store === 'postgres') this.databaseUrl ??= await this.cluster!.createDatabase();
    const server = await startServer(this.spawnOptions());
    this.servers.push(server);
    return server;
  }

  /** Kiosks to make `requests` requests within a minute: a kiosk may make 60 a minute. */
  private kiosksFor(requests: number): number {
    return Math.ceil(requests / 50);
  }

  private fig(base: Omit<Figure, 'median' | 'min' | 'max' | 'pass' | 'store'>, holds = true) {
    const made = figure({ ...base, store: this.store }, holds);
    this.log(`  ${made.label}: ${made.median} ${made.unit} (runs ${made.runs.join(', ')})`);
    return made;
  }

  async live(wants: (group: FigureGroup) => boolean): Promise<Figure[]> {
    const out: Figure[] = [];
    const main = await this.server();
    this.setup = await Setup.connect(main.url);
    await this.setup.branches(BRANCHES);
    this.staff = await this.setup.staff(IN_FLIGHT, BRANCHES);
    if (wants('fanout')) {
      out.push(
        await this.fanout('bench-fanout-a', this.size.fanoutSmall, 'fanout-200', 'fanout200P99Ms'),
      );
      out.push(
        await this.fanout(
          'bench-fanout-b',
          this.size.fanoutLarge,
          'fanout-1000',
          'fanout1000P99Ms',
        ),
      );
    }
    if (wants('claims')) out.push(...(await this.claims()));
    if (wants('catchup')) out.push(await this.catchUp());
    if (wants('cross') && this.store === 'postgres') out.push(await this.cross());
    return out;
  }

  /** A warm-up event (untimed: the first of anything in a process is compiling), then the runs. */
  private async fanoutRuns(watchers: Watchers, scene: Scene) {
    const runs = [];
    try {
      await fanoutRun(watchers, scene, 1);
      for (let r = 0; r < this.size.runs; r++) {
        runs.push(await fanoutRun(watchers, scene, this.size.events));
      }
    } finally {
      watchers.close();
    }
    return runs;
  }

  private async fanout(branch: string, streams: number, id: string, budget: string) {
    const scene = await this.setup!.scene(
      branch,
      this.staff.slice(0, 4),
      this.kiosksFor(this.size.events * this.size.runs + 1),
    );
    const watchers = await Watchers.open(scene, streams);
    const runs = await this.fanoutRuns(watchers, scene);
    const delivered = runs.reduce((n, r) => n + r.delivered, 0);
    const expected = runs.reduce((n, r) => n + r.expected, 0);
    return this.fig(
      {
        id,
        label: `fan-out p99, ${streams} streams (${delivered}/${expected} delivered)`,
        unit: 'ms',
        budget: { op: '<', value: this.budgets[budget]! },
        runs: runs.map((r) => r.p99),
        detail: { streams, eventsPerRun: this.size.events, delivered, expected, perRun: runs },
      },
      delivered === expected,
    );
  }

  private async claims(): Promise<Figure[]> {
    const scene = await this.setup!.scene(
      'bench-claims',
      this.staff,
      this.kiosksFor(this.size.claims),
    );
    const runs = [];
    for (let r = 0; r < this.size.runs; r++) runs.push(await claimsRun(scene, this.size.claims));
    const once = runs.every((r) => r.won === r.claims && r.claimedAfter === r.claims);
    const races = [];
    for (let r = 0; r < this.size.runs; r++) races.push(await raceRun(scene));
    const key = this.store === 'pglite' ? 'claimsPerSecondPglite' : 'claimsPerSecondPostgres';
    return [
      this.fig(
        {
          id: 'claims-per-second',
          label: `claims/s, ${IN_FLIGHT} in flight, ${this.size.claims} per run, each once`,
          unit: '/s',
          budget: { op: '>=', value: this.budgets[key]! },
          runs: runs.map((r) => r.perSecond),
          detail: { perRun: runs },
        },
        once,
      ),
      this.fig(
        {
          id: 'claim-race-winners',
          label: `claim race, ${IN_FLIGHT} rovers at once: winners`,
          unit: '',
          budget: { op: '=', value: 1 },
          runs: races.map((r) => r.winners),
          detail: { perRun: races },
        },
        races.every((r) => r.winners === 1 && r.refused === IN_FLIGHT - 1),
      ),
    ];
  }

  private async catchUp(): Promise<Figure> {
    const scene = await this.setup!.scene('bench-catchup', this.staff, 2);
    const missed = await missEvents(scene, this.size.catchUp);
    const runs = [];
    for (let r = 0; r < this.size.runs; r++) runs.push(await catchUpRun(scene, missed));
    const whole = runs.every((r) => r.received === missed.events && r.inOrder && !r.snapshot);
    return this.fig(
      {
        id: 'catch-up',
        label: `catch-up after ${missed.events} missed events, to the last one`,
        unit: 'ms',
        budget: { op: '<', value: this.budgets.catchUp1000Ms! },
        runs: runs.map((r) => r.ms),
        detail: { missed, perRun: runs },
      },
      whole,
    );
  }

  private async cross(): Promise<Figure> {
    const scene = await this.setup!.scene(
      'bench-cross',
      this.staff.slice(0, 4),
      this.kiosksFor(this.size.events * this.size.runs + 1),
    );
    const other = await this.server();
    const watchers = await Watchers.open(scene, this.size.crossStreams, other.url);
    const runs = await this.fanoutRuns(watchers, scene);
    const delivered = runs.reduce((n, r) => n + r.delivered, 0);
    const expected = runs.reduce((n, r) => n + r.expected, 0);
    return this.fig(
      {
        id: 'cross-process',
        label: `two processes: POST on one, p99 on ${this.size.crossStreams} streams of the other`,
        unit: 'ms',
        budget: { op: '<', value: this.budgets.crossProcessP99Ms! },
        runs: runs.map((r) => r.p99),
        detail: { delivered, expected, perRun: runs },
      },
      delivered === expected,
    );
  }

  /** The offline kiosk in Chromium, on this store's running server. */
  async kiosk(figures: Figure[]): Promise<string> {
    const trace = this.options.trace
      ? join(this.options.root, 'tests/bench/results/kiosk-trace.json')
      : undefined;
    const result = await kioskOffline(this.setup!, 'main', this.size.runs, trace);
    const loaded = gzipOfLoaded(distClientOf(this.options.appRoot), result.scripts);
    const bundle = figures.find((f) => f.id === 'kiosk-first-load-js');
    if (bundle)
      bundle.detail = {
        ...bundle.detail,
        browserLoadedGzipBytes: loaded,
        browserScripts: result.scripts,
      };
    figures.push(
      figure({
        id: 'kiosk-offline-ask-me',
        label: 'kiosk in Chromium, offline, warm worker: navigation to visible "Ask me"',
        unit: 'ms',
        budget: { op: '<', value: this.budgets.kioskOfflineAskMeMs! },
        runs: result.runs,
        detail: { scripts: result.scripts, loadedGzipBytes: loaded },
      }),
    );
    this.log(`  kiosk offline "Ask me": ${median(result.runs).toFixed(0)} ms`);
    return result.chromium;
  }

  async stopServers(): Promise<void> {
    await Promise.all(this.servers.map((s) => s.stop()));
    this.servers = [];
  }

  /** Start-up and idle-stream memory, each run in a fresh process on this (now existing) store. */
  async processFigures(): Promise<Figure[]> {
    // live() already made this store (and its admin), so these starts find an existing one.
    const runner = new ProcessRuns(
      this.spawnOptions(),
      this.size.idleStreams,
      this.options.quick ? 0.2 : 1,
    );
    const runs = [];
    for (let r = 0; r < this.size.processRuns; r++) runs.push(await runner.run());
    return [
      this.fig({
        id: 'start-to-healthy',
        label: `npm start to healthy /api/health, existing store (${runs[0]!.entry})`,
        unit: 'ms',
        budget: { op: '<', value: this.budgets.startToHealthyMs! },
        runs: runs.map((r) => r.healthyMs),
      }),
      this.fig({
        id: 'rss-per-idle-stream',
        label: `server RSS per idle stream, 0 -> ${this.size.idleStreams} streams (steady state)`,
        unit: 'KB',
        budget: { op: '<', value: this.budgets.rssPerIdleStreamKb! },
        runs: runs.map((r) => r.perStreamKb),
        detail: { coldMedianKb: median(runs.map((r) => r.coldPerStreamKb)), perRun: runs },
      }),
    ];
  }

  async dispose(): Promise<void> {
    await this.stopServers();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
