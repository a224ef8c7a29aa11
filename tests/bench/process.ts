// Figures that need a fresh server process each run: `npm start` to a healthy `/api/health` on
// an existing store, and the resident memory each idle stream costs (0 -> N streams) in that
// same fresh process, where no earlier run's freed heap can hide the growth.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from './http.js';
import { Setup, type Scene, type Staffer } from './scene.js';
import { startTimed, type SpawnOptions } from './server.js';
import { Watchers } from './live.js';

export interface ProcessRun {
  healthyMs: number;
  rssBeforeKb: number;
  rssAfterKb: number;
  streams: number;
  perStreamKb: number;
  entry: string;
}

const RSS_BRANCH = 'bench-rss';

export class ProcessRuns {
  private scene?: Scene;

  constructor(
    private readonly spawn: SpawnOptions,
    private readonly streams: number,
  ) {}

  /** `scripts/start.mjs` when it exists (what `npm start` runs), else the built server. */
  private get entry(): 'start' | 'main' {
    return existsSync(join(this.spawn.root, 'scripts', 'start.mjs')) ? 'start' : 'main';
  }

  async run(): Promise<ProcessRun> {
    const { server, healthyMs } = await startTimed({ ...this.spawn, entry: this.entry });
    try {
      // Tokens are stored, so the scene made in the first run serves every later process.
      if (!this.scene) {
        const setup = await Setup.connect(server.url);
        await setup.branches([RSS_BRANCH]);
        const staff: Staffer[] = await setup.staff(4, [RSS_BRANCH]);
        this.scene = await setup.scene(RSS_BRANCH, staff);
      }
      const scene = { ...this.scene, base: server.url };
      // Warm the stream path once so its code and caches are not counted as per-stream cost.
      const warm = await Watchers.open(scene, 10);
      warm.close();
      await sleep(500);
      const rssBeforeKb = server.rssKb();
      const watchers = await Watchers.open(scene, this.streams);
      await sleep(1000);
      const rssAfterKb = server.rssKb();
      watchers.close();
      return {
        healthyMs,
        rssBeforeKb,
        rssAfterKb,
        streams: this.streams,
        perStreamKb: (rssAfterKb - rssBeforeKb) / this.streams,
        entry: this.entry === 'start' ? 'node scripts/start.mjs' : 'node dist/server/main.js',
      };
    } finally {
      await server.stop();
    }
  }
}
