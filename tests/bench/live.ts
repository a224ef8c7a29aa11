// Live-update figures: a kiosk's POST to its arrival on every open staff stream (fan-out, and
// across two server processes), and a stream catching up with `Last-Event-ID`.
import { performance } from 'node:perf_hooks';
import { pool, sleep, Stream, until, type StreamEvent } from './http.js';
import { act, ask, currentSeq, streamUrl, type Scene } from './scene.js';
import { percentile } from './stats.js';

/** How long one event may take to reach every stream before it counts as not delivered. */
const DELIVERY_TIMEOUT_MS = 5_000;

interface FanoutRun {
  p99: number;
  p50: number;
  max: number;
  delivered: number;
  expected: number;
}

/** `count` staff streams on a branch, all past their snapshot, watching for one request id. */
export class Watchers {
  readonly streams: Stream[] = [];
  private marker = '';
  private started = 0;
  private got = new Set<number>();
  private latencies: number[] = [];
  private wake?: () => void;
  private snapshots = 0;

  static async open(scene: Scene, count: number, base = scene.base): Promise<Watchers> {
    const watchers = new Watchers();
    const url = streamUrl(scene, base);
    // Open in small waves, as tablets would over a morning, not a thousand SYNs at once.
    await pool(Array.from({ length: count }), 50, async (_, index) => {
      const rover = scene.rovers[index % scene.rovers.length]!;
      const stream = await Stream.open(url, {
        token: rover.token,
        onEvent: (event, at) => watchers.seen(index, event, at),
      });
      watchers.streams[index] = stream;
    });
    await until(() => watchers.snapshots >= count, `${count} snapshots`, 60_000, 10);
    return watchers;
  }

  private seen(index: number, event: StreamEvent, at: number): void {
    if (event.event === 'snapshot') {
      this.snapshots++;
      return;
    }
    if (!this.marker || event.event !== 'request' || this.got.has(index)) return;
    if (!event.data.includes(this.marker)) return;
    this.got.add(index);
    this.latencies.push(at - this.started);
    if (this.got.size === this.streams.length) this.wake?.();
  }

  /**
   * Runs `post` (which must create a request and answer its id, i.e. the marker to watch for),
   * and answers how long each stream took to see it.
   */
  async deliver(post: (start: (id: string) => void) => Promise<unknown>): Promise<number[]> {
    this.got = new Set();
    this.latencies = [];
    const everyone = new Promise<void>((resolve) => (this.wake = resolve));
    await post((id) => {
      this.marker = id;
      this.started = performance.now();
    });
    await Promise.race([everyone, sleep(DELIVERY_TIMEOUT_MS)]);
    this.marker = '';
    this.wake = undefined;
    return this.latencies;
  }

  get count(): number {
    return this.streams.length;
  }

  close(): void {
    for (const stream of this.streams) stream.close();
  }
}

/**
 * One fan-out run: `events` requests, one after another, each timed from the moment the kiosk
 * sends its POST to its arrival on every stream. `postScene.base` may be another server process.
 */
export async function fanoutRun(
  watchers: Watchers,
  postScene: Scene,
  events: number,
): Promise<FanoutRun> {
  const all: number[] = [];
  for (let i = 0; i < events; i++) {
    const latencies = await watchers.deliver(async (start) => {
      // The id is made before the POST so the clock starts as the request leaves.
      await ask(postScene, 'Bench patron', start);
    });
    all.push(...latencies);
    await sleep(10);
  }
  return {
    p99: percentile(all, 99),
    p50: percentile(all, 50),
    max: percentile(all, 100),
    delivered: all.length,
    expected: events * watchers.count,
  };
}

interface CatchUp {
  startSeq: number;
  endSeq: number;
  events: number;
}

/** Makes `count` request events on the scene's branch while no stream is open there. */
export async function missEvents(scene: Scene, count: number): Promise<CatchUp> {
  const startSeq = await currentSeq(scene);
  const requests = Math.max(1, Math.min(40, Math.floor(count / 4)));
  const ids = await pool(Array.from({ length: requests }), 8, () => ask(scene));
  // The rest are claim/release pairs, spread over the requests, one rover per request.
  let left = count - requests;
  const plan = ids.map(() => 0);
  for (let i = 0; left > 0; i = (i + 1) % ids.length) {
    plan[i]! += 1;
    left -= left >= 2 ? 2 : 1;
  }
  await pool(ids, 16, async (id, index) => {
    const rover = scene.rovers[index % scene.rovers.length]!;
    for (let pair = 0; pair < plan[index]!; pair++) {
      await act(scene, rover, id, 'claim');
      await act(scene, rover, id, 'release');
    }
  });
  const endSeq = await currentSeq(scene);
  return { startSeq, endSeq, events: endSeq - startSeq };
}

interface CatchUpRun {
  ms: number;
  received: number;
  inOrder: boolean;
  snapshot: boolean;
}

/** Resumes a stream from `startSeq` and times it until the event `endSeq` arrives. */
export async function catchUpRun(scene: Scene, missed: CatchUp): Promise<CatchUpRun> {
  const ids: number[] = [];
  let snapshot = false;
  let doneAt = 0;
  const started = performance.now();
  const stream = await Stream.open(streamUrl(scene), {
    token: scene.rovers[0]!.token,
    lastEventId: missed.startSeq,
    onEvent: (event, at) => {
      if (event.event === 'snapshot') snapshot = true;
      if (event.id === undefined) return;
      const id = Number(event.id);
      ids.push(id);
      if (id >= missed.endSeq && !doneAt) doneAt = at;
    },
  });
  try {
    await until(
      () => doneAt > 0 || snapshot,
      `event ${missed.endSeq} on a resumed stream`,
      30_000,
      1,
    );
  } finally {
    stream.close();
  }
  const inOrder = ids.every((id, i) => i === 0 || id > ids[i - 1]!);
  const received = ids.filter((id) => id > missed.startSeq && id <= missed.endSeq).length;
  return { ms: doneAt - started, received, inOrder, snapshot };
}
