// Figures that need a fresh server process each run: `npm start` to a healthy `/api/health` on
// an existing store, and the resident memory each idle stream costs (0 -> N streams) in that
// same process: first cold, then again at steady state (the figure).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sleep } from './http.js';
import { Setup, type Scene, type Staffer } from './scene.js';
import { servingPid, startTimed, type ServerProcess, type SpawnOptions } from './server.js';
import { Watchers } from './live.js';

interface ProcessRun {
  healthyMs: number;
  rssBeforeKb: number;
  rssAfterKb: number;
  streams: number;
  /** The same in the process's first 0 -> N (one-off growth included). */
  coldPerStreamKb: number;
  perStreamKb: number;
  entry: string;
}

const RSS_BRANCH = 'bench-rss';

const ENTRIES = {
  start: 'node scripts/start.mjs',
  main: 'node dist/server/main.js',
  reference: 'node tests/bench/reference-server.mjs',
};

export class ProcessRuns {
  private scene?: Scene;
  private server?: ServerProcess;

  constructor(
    private readonly spawn: SpawnOptions,
    private readonly streams: number,
    /** Scales the pauses around each RSS reading (a quick run only proves the path works). */
    private readonly pause = 1,
  ) {}

  /**
   * The reference server when asked for; else `scripts/start.mjs` when it exists (what
   * `npm start` runs), else the built server.
   */
  private get entry(): 'start' | 'main' | 'reference' {
    if (this.spawn.entry === 'reference') return 'reference';
    return existsSync(join(this.spawn.root, 'scripts', 'start.mjs')) ? 'start' : 'main';
  }

  async run(): Promise<ProcessRun> {
    // The GC probe goes in through NODE_OPTIONS, which start.mjs passes on to the server.
    const probe = `--import=${pathToFileURL(join(this.spawn.root, 'tests', 'bench', 'gc-probe.mjs')).href}`;
    const env = {
      ...this.spawn.env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${probe}`.trim(),
    };
    const { server, healthyMs } = await startTimed({ ...this.spawn, env, entry: this.entry });
    this.server = server;
    try {
      // Tokens are stored, so the scene made in the first run serves every later process (the
      // reference server keeps nothing: it gets a scene each time).
      if (!this.scene || this.entry === 'reference') {
        const setup = await Setup.connect(server.url);
        await setup.branches([RSS_BRANCH]);
        const staff: Staffer[] = await setup.staff(4, [RSS_BRANCH]);
        this.scene = await setup.scene(RSS_BRANCH, staff);
      }
      const scene = { ...this.scene, base: server.url };
      // Cold: the first 0 -> N in a fresh process. This also counts one-off costs (compiled
      // code, PGlite's WASM memory growing) that a running server has already paid, so it is
      // kept only as a detail. Both ends are read after a full GC (gc-probe.mjs).
      const cold = await this.growth(scene);
      // Steady state, the figure: the same 0 -> N again, now that the process has served N.
      const warm = await this.growth(scene);
      return {
        healthyMs,
        rssBeforeKb: warm.before,
        rssAfterKb: warm.after,
        streams: this.streams,
        perStreamKb: (warm.after - warm.before) / this.streams,
        coldPerStreamKb: (cold.after - cold.before) / this.streams,
        entry: ENTRIES[this.entry],
      };
    } finally {
      await server.stop();
    }
  }

  /** RSS after a full GC with no stream open, then with N idle streams (past their snapshot). */
  private async growth(scene: Scene): Promise<{ before: number; after: number }> {
    const before = await this.settledRss();
    const watchers = await Watchers.open(scene, this.streams);
    const after = await this.settledRss();
    watchers.close();
    await sleep(300 * this.pause);
    return { before, after };
  }

  /** Asks the server (through gc-probe.mjs) for a full GC, then reads its RSS. */
  private async settledRss(): Promise<number> {
    await sleep(300 * this.pause);
    process.kill(servingPid(this.server!.child.pid!), 'SIGUSR2');
    await sleep(700 * this.pause);
    return this.server!.rssKb();
  }
}
