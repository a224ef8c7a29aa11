// The bench itself: for each store, start the real server as its own process, set up scenes
// through the API, and measure every figure of issue 6, each over several runs.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startPostgres, type PgCluster } from '../support/postgres.js';
import { distClientOf, gzipOfLoaded, kioskFirstLoad, wireBytesOf } from './bundle.js';
import { IN_FLIGHT, claimsRun, raceRun, type ClaimsRun } from './claims.js';
import { kioskOffline } from './kiosk-browser.js';
import { lighthouseFigures } from './lighthouse.js';
import { catchUpRun, fanoutRun, missEvents, Watchers } from './live.js';
import { ProcessRuns } from './process.js';
import { describeMachine, type Report } from './report.js';
import { Setup, type Scene, type Staffer } from './scene.js';
import { snapshotApp, startServer, type ServerProcess, type SpawnOptions } from './server.js';
import { figure, median, type Budget, type Figure, type StoreKind } from './stats.js';

export type FigureGroup =
  | 'fanout'
  | 'claims'
  | 'catchup'
  | 'cross'
  | 'process'
  | 'bundle'
  | 'kiosk'
  | 'lighthouse'
  | 'floor';
export const GROUPS: readonly FigureGroup[] = [
  'fanout',
  'claims',
  'catchup',
  'cross',
  'process',
  'bundle',
  'kiosk',
  'lighthouse',
  'floor',
];
/** The groups measured on each store (the others run once, on a server of their own). */
const STORE_GROUPS: readonly FigureGroup[] = [
  'fanout',
  'claims',
  'catchup',
  'cross',
  'process',
  'kiosk',
  'floor',
];

interface BenchOptions {
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
  /** Staff streams open for the mid-size fan-out, and during the claims. */
  fanoutFloor: number;
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
  fanoutFloor: 50,
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
  fanoutFloor: 3,
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
  'bench-create',
  'bench-fanout-floor',
  'bench-fanout-a',
  'bench-fanout-b',
  'bench-claims',
  'bench-catchup',
  'bench-cross',
];
/** The store floor's branches (on the floor server and the reference). */
const FLOOR_BRANCHES = [
  'bench-store-floor-create',
  'bench-store-floor-fanout-a',
  'bench-store-floor-fanout-b',
  'bench-store-floor-claims',
] as const;
/** The store floor's figures: their ids' prefix and their labels' (see storeFloor). */
const STORE_FLOOR = 'store-floor';
const STORE_FLOOR_LABEL = 'store floor';

/** The server measured against the reference, with its staff: Rove's, or the store floor's. */
interface Against {
  setup: Setup;
  staff: Staffer[];
}

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
    let bundleDone = !wants('bundle');
    if (wants('lighthouse')) {
      log('\n== Lighthouse (mobile) ==');
      const found = await lighthouseFigures({
        appRoot: app.root,
        resultsDir: join(options.root, 'tests', 'bench', 'results'),
        runs: size.lighthouseRuns,
        budgets,
        trace: options.trace,
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
        if (!bundleDone) {
          // The app's files are the same whatever the store: measured once, listed first.
          figures.unshift(await bundleFigure(app.root, bench.roveUrl, budgets));
          bundleDone = true;
        }
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
    // No store ran (only store-free groups): the bytes come from a server of their own.
    if (!bundleDone) figures.unshift(await bundleOnItsOwn(app.root, budgets));
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

/** The bundle figure from a server started for it alone, on a fresh PGlite store. */
async function bundleOnItsOwn(root: string, budgets: Budgets): Promise<Figure> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rove-bench-bundle-'));
  const server = await startServer({ root, dataDir });
  try {
    return await bundleFigure(root, server.url, budgets);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The kiosk's first-load JS as the running server at `url` sends it (`Accept-Encoding: br, gzip`). */
async function bundleFigure(root: string, url: string, budgets: Budgets): Promise<Figure> {
  const load = kioskFirstLoad(distClientOf(root));
  const wire = await wireBytesOf(
    url,
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
}

/** The same thing measured on the reference server and on Rove. */
interface Pair<T> {
  ref: T;
  rove: T;
}

/**
 * `runs` runs of `measure` on each side, alternating, the reference first (ref, rove, ref,
 * rove...), so both see the same moments of this shared machine.
 */
async function alternate<T>(
  runs: number,
  measure: (side: keyof Pair<unknown>) => Promise<T>,
): Promise<Pair<T[]>> {
  const out: Pair<T[]> = { ref: [], rove: [] };
  for (let r = 0; r < runs; r++) {
    out.ref.push(await measure('ref'));
    out.rove.push(await measure('rove'));
  }
  return out;
}

/** One store's figures, on servers it starts and stops itself: Rove's, and the reference. */
class StoreBench {
  private dataDir = mkdtempSync(join(tmpdir(), 'rove-bench-data-'));
  private databaseUrl?: string;
  private servers: ServerProcess[] = [];
  private floorDirs: string[] = [];
  private setups?: Pair<Setup>;
  private staff?: Pair<Staffer[]>;

  constructor(
    private readonly store: StoreKind,
    private readonly options: BenchOptions & { appRoot: string },
    private readonly size: Sizes,
    private readonly budgets: Budgets,
    private readonly log: (line: string) => void,
    private readonly cluster?: PgCluster,
  ) {}

  private spawnOptions(entry?: SpawnOptions['entry']): SpawnOptions {
    const nodeArgs = this.options.cpuProf
      ? ['--cpu-prof', `--cpu-prof-dir=${join(this.options.root, 'tests/bench/results/profiles')}`]
      : [];
    return {
      root: this.options.appRoot,
      dataDir: this.dataDir,
      databaseUrl: this.databaseUrl,
      nodeArgs,
      entry,
    };
  }

  /** Rove's first server of this store (live() started it). */
  get roveUrl(): string {
    return this.setups!.rove.base;
  }

  private async server(): Promise<ServerProcess> {
    if (this.store === 'postgres') this.databaseUrl ??= await this.cluster!.createDatabase();
    const server = await startServer(this.spawnOptions());
    this.servers.push(server);
    return server;
  }

  private async reference(): Promise<ServerProcess> {
    const server = await startServer({ ...this.spawnOptions('reference'), nodeArgs: [] });
    this.servers.push(server);
    return server;
  }

  /** Kiosks to make `requests` requests within a minute: a kiosk may make 60 a minute. */
  private kiosksFor(requests: number): number {
    return Math.ceil(requests / 50);
  }

  private fig(
    base: Omit<Figure, 'median' | 'min' | 'max' | 'pass' | 'store' | 'reference' | 'ratio'> & {
      referenceRuns?: number[];
    },
    holds = true,
  ) {
    const made = figure({ ...base, store: this.store }, holds);
    const versus = made.ratio
      ? `; reference ${made.reference!.median} ${made.unit}, ratio ${made.ratio.median}x`
      : '';
    this.log(
      `  ${made.label}: ${made.median} ${made.unit} (runs ${made.runs.join(', ')})${versus}`,
    );
    return made;
  }

  /**
   * The same scene on both servers: the reference and Rove, or (`against`) the reference and
   * the store floor.
   */
  private async scenes(
    branch: string,
    staff: number,
    kiosks: number,
    against: Against = { setup: this.setups!.rove, staff: this.staff!.rove },
  ): Promise<Pair<Scene>> {
    return {
      ref: await this.setups!.ref.scene(branch, this.staff!.ref.slice(0, staff), kiosks),
      rove: await against.setup.scene(branch, against.staff.slice(0, staff), kiosks),
    };
  }

  async live(wants: (group: FigureGroup) => boolean): Promise<Figure[]> {
    const out: Figure[] = [];
    const ref = await this.reference();
    const main = await this.server();
    this.setups = { ref: await Setup.connect(ref.url), rove: await Setup.connect(main.url) };
    for (const setup of [this.setups.ref, this.setups.rove]) await setup.branches(BRANCHES);
    this.staff = {
      ref: await this.setups.ref.staff(IN_FLIGHT, BRANCHES),
      rove: await this.setups.rove.staff(IN_FLIGHT, BRANCHES),
    };
    if (wants('fanout')) {
      out.push(
        await this.fanout({
          branch: 'bench-create',
          streams: 1,
          id: 'create-to-event',
          label: (d, n) => `create -> event, 1 stream, p50 (${d}/${n} delivered)`,
          statistic: 'p50',
          budget: { op: '<=', value: this.budgets.createToEvent1P50Ratio!, of: 'ratio' },
        }),
      );
      for (const [streams, branch, id, key] of [
        [this.size.fanoutFloor, 'bench-fanout-floor', 'fanout-50', 'fanout50P99Ratio'],
        [this.size.fanoutSmall, 'bench-fanout-a', 'fanout-200', 'fanout200P99Ratio'],
      ] as const) {
        out.push(
          await this.fanout({
            branch,
            streams,
            id,
            label: (d, n) => `fan-out p99, ${streams} streams (${d}/${n} delivered)`,
            statistic: 'p99',
            budget: { op: '<=', value: this.budgets[key]!, of: 'ratio' },
          }),
        );
      }
      out.push(
        await this.fanout({
          branch: 'bench-fanout-b',
          streams: this.size.fanoutLarge,
          id: 'fanout-1000',
          label: (d, n) => `fan-out p99, ${this.size.fanoutLarge} streams (${d}/${n} delivered)`,
          statistic: 'p99',
          budget: { op: '<', value: this.budgets.fanout1000P99Ms! },
        }),
      );
    }
    if (wants('claims')) out.push(...(await this.claims()));
    if (wants('catchup')) out.push(await this.catchUp());
    if (wants('cross') && this.store === 'postgres') out.push(await this.cross());
    if (wants('floor')) out.push(...(await this.storeFloor()));
    return out;
  }

  /**
   * The store floor (floor-server.ts): the reference server writing each change to this store
   * in one statement through Rove's drivers, measured against the reference as Rove is, with
   * Rove's ratio budgets shown but not judged. Where the floor itself misses a budget, no
   * server that keeps every acknowledged change on this store can meet it here.
   */
  private async storeFloor(): Promise<Figure[]> {
    // Its own PGlite directory (PostgreSQL: its own tables in Rove's database).
    const dataDir = mkdtempSync(join(tmpdir(), 'rove-bench-floor-'));
    this.floorDirs.push(dataDir);
    const server = await startServer({ ...this.spawnOptions('floor'), dataDir, nodeArgs: [] });
    this.servers.push(server);
    const setup = await Setup.connect(server.url);
    const branches = FLOOR_BRANCHES;
    await setup.branches(branches);
    await this.setups!.ref.branches(branches);
    const floor: Against = { setup, staff: await setup.staff(IN_FLIGHT, branches) };
    const out: Figure[] = [];
    for (const [streams, branch, id, key, statistic, what] of [
      [
        1,
        branches[0],
        'create-to-event',
        'createToEvent1P50Ratio',
        'p50',
        'create -> event, 1 stream, p50',
      ],
      [
        this.size.fanoutFloor,
        branches[1],
        'fanout-50',
        'fanout50P99Ratio',
        'p99',
        `fan-out p99, ${this.size.fanoutFloor} streams`,
      ],
      [
        this.size.fanoutSmall,
        branches[2],
        'fanout-200',
        'fanout200P99Ratio',
        'p99',
        `fan-out p99, ${this.size.fanoutSmall} streams`,
      ],
    ] as const) {
      out.push(
        await this.fanout({
          branch,
          streams,
          id: `${STORE_FLOOR}-${id}`,
          label: (d, n) => `${STORE_FLOOR_LABEL}: ${what} (${d}/${n} delivered)`,
          statistic,
          budget: { op: '<=', value: this.budgets[key]!, of: 'ratio', informs: true },
          against: floor,
        }),
      );
    }
    out.push(...(await this.claims(floor, branches[3])));
    return out;
  }

  /**
   * A warm-up event on each side (untimed: the first of anything in a process is compiling),
   * then the runs, alternating.
   */
  private async fanoutRuns(watchers: Pair<Watchers>, posts: Pair<Scene>) {
    try {
      await fanoutRun(watchers.ref, posts.ref, 1);
      await fanoutRun(watchers.rove, posts.rove, 1);
      return await alternate(this.size.runs, (side) =>
        fanoutRun(watchers[side], posts[side], this.size.events),
      );
    } finally {
      watchers.ref.close();
      watchers.rove.close();
    }
  }

  private async fanout(what: {
    branch: string;
    streams: number;
    id: string;
    label: (delivered: number, expected: number) => string;
    statistic: 'p50' | 'p99';
    budget: Budget;
    against?: Against;
  }) {
    const scenes = await this.scenes(
      what.branch,
      4,
      this.kiosksFor(this.size.events * this.size.runs + 1),
      what.against,
    );
    const watchers = {
      ref: await Watchers.open(scenes.ref, what.streams),
      rove: await Watchers.open(scenes.rove, what.streams),
    };
    const runs = await this.fanoutRuns(watchers, scenes);
    const all = [...runs.ref, ...runs.rove];
    const delivered = all.reduce((n, r) => n + r.delivered, 0);
    const expected = all.reduce((n, r) => n + r.expected, 0);
    const roveDelivered = runs.rove.reduce((n, r) => n + r.delivered, 0);
    const roveExpected = runs.rove.reduce((n, r) => n + r.expected, 0);
    return this.fig(
      {
        id: what.id,
        label: what.label(roveDelivered, roveExpected),
        unit: 'ms',
        budget: what.budget,
        runs: runs.rove.map((r) => r[what.statistic]),
        referenceRuns: runs.ref.map((r) => r[what.statistic]),
        detail: {
          streams: what.streams,
          statistic: what.statistic,
          eventsPerRun: this.size.events,
          delivered,
          expected,
          perRun: runs.rove,
          referencePerRun: runs.ref,
        },
      },
      delivered === expected,
    );
  }

  private async claims(floor?: Against, branch = 'bench-claims'): Promise<Figure[]> {
    const scenes = await this.scenes(branch, IN_FLIGHT, this.kiosksFor(this.size.claims), floor);
    // As on a real floor: the branch's staff streams are open and hear every claim.
    const streams = this.size.fanoutFloor;
    const watchers = {
      ref: await Watchers.open(scenes.ref, streams),
      rove: await Watchers.open(scenes.rove, streams),
    };
    let runs: Pair<ClaimsRun[]>;
    try {
      runs = await alternate(this.size.runs, (side) => claimsRun(scenes[side], this.size.claims));
    } finally {
      watchers.ref.close();
      watchers.rove.close();
    }
    const once = [...runs.ref, ...runs.rove].every(
      (r) => r.won === r.claims && r.claimedAfter === r.claims,
    );
    const races = [];
    for (let r = 0; r < this.size.runs; r++) races.push(await raceRun(scenes.rove));
    const key =
      this.store === 'pglite' ? 'claimsPerSecondRatioPglite' : 'claimsPerSecondRatioPostgres';
    const label = `claims/s, ${IN_FLIGHT} in flight, ${streams} streams open, ${this.size.claims} per run, each once`;
    return [
      this.fig(
        {
          id: floor ? `${STORE_FLOOR}-claims-per-second` : 'claims-per-second',
          label: floor ? `${STORE_FLOOR_LABEL}: ${label}` : label,
          unit: '/s',
          budget: {
            op: '>=',
            value: this.budgets[key]!,
            of: 'ratio',
            ...(floor ? { informs: true } : {}),
          },
          runs: runs.rove.map((r) => r.perSecond),
          referenceRuns: runs.ref.map((r) => r.perSecond),
          detail: { streams, perRun: runs.rove, referencePerRun: runs.ref },
        },
        once,
      ),
      this.fig(
        {
          id: floor ? `${STORE_FLOOR}-claim-race-winners` : 'claim-race-winners',
          label: `${floor ? `${STORE_FLOOR_LABEL}: ` : ''}claim race, ${IN_FLIGHT} rovers at once: winners`,
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
    const scenes = await this.scenes('bench-catchup', IN_FLIGHT, 2);
    const missed = {
      ref: await missEvents(scenes.ref, this.size.catchUp),
      rove: await missEvents(scenes.rove, this.size.catchUp),
    };
    const runs = await alternate(this.size.runs, (side) => catchUpRun(scenes[side], missed[side]));
    const whole = (['ref', 'rove'] as const).every((side) =>
      runs[side].every((r) => r.received === missed[side].events && r.inOrder && !r.snapshot),
    );
    return this.fig(
      {
        id: 'catch-up',
        label: `catch-up after ${missed.rove.events} missed events, to the last one`,
        unit: 'ms',
        budget: { op: '<', value: this.budgets.catchUp1000Ms! },
        runs: runs.rove.map((r) => r.ms),
        referenceRuns: runs.ref.map((r) => r.ms),
        detail: {
          missed: missed.rove,
          perRun: runs.rove,
          referenceMissed: missed.ref,
          referencePerRun: runs.ref,
        },
      },
      whole,
    );
  }

  /**
   * Two Rove processes on one PostgreSQL: POST on one, streams on the other. The reference
   * has one process (the floor of the same fan-out).
   */
  private async cross(): Promise<Figure> {
    const scenes = await this.scenes(
      'bench-cross',
      4,
      this.kiosksFor(this.size.events * this.size.runs + 1),
    );
    const other = await this.server();
    const watchers = {
      ref: await Watchers.open(scenes.ref, this.size.crossStreams),
      rove: await Watchers.open(scenes.rove, this.size.crossStreams, other.url),
    };
    const runs = await this.fanoutRuns(watchers, scenes);
    const all = [...runs.ref, ...runs.rove];
    const delivered = all.reduce((n, r) => n + r.delivered, 0);
    const expected = all.reduce((n, r) => n + r.expected, 0);
    return this.fig(
      {
        id: 'cross-process',
        label: `two processes: POST on one, p99 on ${this.size.crossStreams} streams of the other`,
        unit: 'ms',
        budget: { op: '<', value: this.budgets.crossProcessP99Ms! },
        runs: runs.rove.map((r) => r.p99),
        referenceRuns: runs.ref.map((r) => r.p99),
        detail: { delivered, expected, perRun: runs.rove, referencePerRun: runs.ref },
      },
      delivered === expected,
    );
  }

  /** The offline kiosk in Chromium, on this store's running server. */
  async kiosk(figures: Figure[]): Promise<string> {
    const trace = this.options.trace
      ? join(this.options.root, 'tests/bench/results/kiosk-trace.json')
      : undefined;
    const result = await kioskOffline(this.setups!.rove, 'main', this.size.runs, trace);
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

  /**
   * Start-up and idle-stream memory, each run in a fresh process on this (now existing) store,
   * alternating with a fresh reference server.
   */
  async processFigures(): Promise<Figure[]> {
    // live() already made this store (and its admin), so these starts find an existing one.
    const pause = this.options.quick ? 0.2 : 1;
    const runners = {
      ref: new ProcessRuns(this.spawnOptions('reference'), this.size.idleStreams, pause),
      rove: new ProcessRuns(this.spawnOptions(), this.size.idleStreams, pause),
    };
    const runs = await alternate(this.size.processRuns, (side) => runners[side].run());
    return [
      this.fig({
        id: 'start-to-healthy',
        label: `npm start to healthy /api/health, existing store (${runs.rove[0]!.entry})`,
        unit: 'ms',
        budget: { op: '<', value: this.budgets.startToHealthyMs! },
        runs: runs.rove.map((r) => r.healthyMs),
        referenceRuns: runs.ref.map((r) => r.healthyMs),
      }),
      this.fig({
        id: 'rss-per-idle-stream',
        label: `server RSS per idle stream, 0 -> ${this.size.idleStreams} streams (steady state)`,
        unit: 'KB',
        budget: { op: '<', value: this.budgets.rssPerIdleStreamKb! },
        runs: runs.rove.map((r) => r.perStreamKb),
        referenceRuns: runs.ref.map((r) => r.perStreamKb),
        detail: {
          coldMedianKb: median(runs.rove.map((r) => r.coldPerStreamKb)),
          perRun: runs.rove,
          referencePerRun: runs.ref,
        },
      }),
    ];
  }

  async dispose(): Promise<void> {
    await this.stopServers();
    for (const dir of [this.dataDir, ...this.floorDirs])
      rmSync(dir, { recursive: true, force: true });
  }
}
