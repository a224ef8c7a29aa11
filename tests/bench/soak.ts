// `npm run soak`: a day of churn on one real server process (issue 16). Tablets' staff streams
// drop and resume with Last-Event-ID, kiosks ask, rovers claim, start, hand off, release, cancel
// and resolve, staff change presence, and the server is restarted (SIGTERM) in the middle on
// the same data directory while every client keeps retrying. At the end it proves, from what the
// clients were told and what the server's log holds, that nothing acknowledged was lost, that
// every stream saw every event of its branch exactly once and in order, that no request was
// claimed twice, that memory stayed flat, and that nothing answered 5xx. See README.md, "Soak".
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort } from '../support/free-port.js';
import {
  call,
  must,
  pool,
  sleep,
  Stream,
  type Answer,
  type Json,
  type StreamEvent,
} from './http.js';
import { inspectorUrl, rssAfterGcKb } from './inspector.js';
import { Setup, type Rover } from './scene.js';
import { snapshotApp, startTimed, type ServerProcess, type SpawnOptions } from './server.js';

export interface SoakOptions {
  /** The repository root (with a built dist/). */
  root: string;
  minutes: number;
  /** Staff streams, one per tablet, each its own staff member's session. */
  tablets: number;
  kiosks: number;
  /** How many of the tablets' staff claim and work requests (the rest watch and move about). */
  rovers: number;
  /** Requests each kiosk makes a minute, on average (the server allows 60). */
  asksPerKioskMinute: number;
  /** How often each stream drops, a minute, on average. */
  dropsPerStreamMinute: number;
  /** How often each staff member changes presence, a minute, on average. */
  presencePerStaffMinute: number;
  log: (line: string) => void;
}

export const SOAK_DEFAULTS = {
  minutes: 10,
  tablets: 200,
  kiosks: 20,
  rovers: 24,
  asksPerKioskMinute: 6,
  dropsPerStreamMinute: 1,
  presencePerStaffMinute: 0.5,
};

const BRANCH = 'soak';
const ZONES = ['Ground floor', 'Upstairs', "Kids' area", 'Study rooms'];
const SKILLS = ['general', 'tech', 'books'];
const OUTCOMES = ['answered', 'answered', 'answered', 'referred', 'follow-up', 'no-show'];

/** What the server's answer to one acknowledged write said the request became. */
interface Ack {
  action: string;
  opId: string;
  version: number;
  status: string;
  claimer?: string;
}

interface Check {
  name: string;
  pass: boolean;
  detail: string;
}

export interface SoakResult {
  pass: boolean;
  checks: Check[];
  figures: Record<string, number | string>;
}

const random = (n: number) => Math.floor(Math.random() * n);
const pick = <T>(items: readonly T[]): T => items[random(items.length)]!;
/** Exponentially distributed pause with mean `meanMs` (a Poisson process), at most 5x the mean. */
const pause = (meanMs: number) => Math.min(meanMs * 5, -Math.log(1 - Math.random()) * meanMs);
const between = (lowMs: number, highMs: number) => lowMs + Math.random() * (highMs - lowMs);

/** The server as the clients know it: its address stays, its process changes at the restart. */
class Target {
  server!: ServerProcess;
  inspector!: string;
  fiveXx: string[] = [];
  calls = 0;
  connectionErrors = 0;
  rateLimited = 0;
  /** A client stops retrying only this long after the load ended (nothing should need it). */
  giveUpAt = Infinity;

  constructor(
    readonly base: string,
    private readonly spawn: SpawnOptions,
  ) {}

  async start(): Promise<number> {
    const { server, healthyMs } = await startTimed(this.spawn);
    this.server = server;
    const url = inspectorUrl(server.output());
    if (!url) throw new Error(`The server printed no inspector address:\n${server.output()}`);
    this.inspector = url;
    return healthyMs;
  }

  /**
   * One call as a device's outbox makes it: resent as it was (same id or opId) after a broken
   * connection, a 503 or a 429, until the server answers. Every 5xx is recorded.
   */
  async send(method: string, path: string, token: string, body?: unknown): Promise<Answer> {
    for (;;) {
      if (performance.now() > this.giveUpAt) throw new Error(`gave up on ${method} ${path}`);
      let answer: Answer;
      try {
        this.calls++;
        answer = await call(this.base, method, path, token, body);
      } catch {
        this.connectionErrors++;
        await sleep(between(250, 750));
        continue;
      }
      if (answer.status >= 500) {
        this.fiveXx.push(`${method} ${path} ${answer.status} ${JSON.stringify(answer.body)}`);
        await sleep(1000);
        continue;
      }
      if (answer.status === 429) {
        this.rateLimited++;
        await sleep(5000);
        continue;
      }
      return answer;
    }
  }
}

/** One tablet's staff stream, followed across all its reconnections. */
class SoakStream {
  /** The seq of its first snapshot: it must hear every event of its branch after this. */
  startSeq?: number;
  lastId = 0;
  /** Every id it heard, in arrival order, across reconnections. */
  readonly ids: number[] = [];
  connects = 0;
  drops = 0;
  refused = 0;
  /** Snapshots after the first: a resume the server could not honour (must stay 0). */
  resets = 0;
  /** Ids not above the last one heard (repeats or out of order; must stay 0). */
  outOfOrder = 0;
  private current?: Stream;
  private dropper?: NodeJS.Timeout;
  alive = true;

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly shared: StreamShared,
    private dropMeanMs: number,
    private readonly onEvent?: (event: StreamEvent) => void,
  ) {}

  async connect(): Promise<void> {
    while (this.alive) {
      try {
        this.current = await Stream.open(this.url, {
          token: this.token,
          lastEventId: this.startSeq === undefined ? undefined : this.lastId,
          onEvent: (event) => this.heard(event),
          onClose: () => void this.closed(),
        });
        this.connects++;
        this.scheduleDrop();
        return;
      } catch (error) {
        if (String(error).includes('429')) this.refused++;
        await sleep(between(250, 1000));
      }
    }
  }

  private scheduleDrop(): void {
    if (!this.dropMeanMs) return;
    clearTimeout(this.dropper);
    this.dropper = setTimeout(() => {
      this.drops++;
      this.current?.close();
    }, pause(this.dropMeanMs));
  }

  /** Dropped by us, closed by the server (its restart), or the network: come back shortly. */
  private async closed(): Promise<void> {
    clearTimeout(this.dropper);
    if (!this.alive) return;
    await sleep(between(100, 2000));
    await this.connect();
  }

  private heard(event: StreamEvent): void {
    if (event.event === 'snapshot') {
      const seq = Number((JSON.parse(event.data) as { seq: number }).seq);
      if (this.startSeq === undefined) this.startSeq = seq;
      else this.resets++;
      this.lastId = Math.max(this.lastId, seq);
      this.onEvent?.(event);
      return;
    }
    if (event.id === undefined) return;
    const id = Number(event.id);
    if (!(id > this.lastId)) {
      this.outOfOrder++;
      return;
    }
    this.ids.push(id);
    this.lastId = id;
    this.shared.sign(id, event);
    this.onEvent?.(event);
  }

  /** The day is over: no more drops (a stream mid-reconnect still comes back). */
  stopDropping(): void {
    this.dropMeanMs = 0;
    clearTimeout(this.dropper);
  }

  close(): void {
    this.alive = false;
    clearTimeout(this.dropper);
    this.current?.close();
  }
}

/** What every stream of the branch must agree on: one frame per seq (its name and length). */
class StreamShared {
  readonly signature = new Map<number, string>();
  mismatches = 0;

  sign(id: number, event: StreamEvent): void {
    const mine = `${event.event}:${event.data.length}`;
    const known = this.signature.get(id);
    if (known === undefined) this.signature.set(id, mine);
    else if (known !== mine) this.mismatches++;
  }
}

/** The waiting requests as one tablet's stream shows them: where rovers look for work. */
class Board {
  readonly waiting = new Map<string, number>();

  hear(event: StreamEvent): void {
    if (event.event === 'snapshot') {
      const { requests } = JSON.parse(event.data) as { requests: Json[] };
      for (const request of requests) if (request.status === 'waiting') this.note(request);
    } else if (event.event === 'request') this.note((JSON.parse(event.data) as Json).request);
  }

  private note(request: Json): void {
    if (request.status === 'waiting') this.waiting.set(String(request.id), Date.now());
    else this.waiting.delete(String(request.id));
  }

  /** One of the longest waiting (several rovers often pick the same one: a real race). */
  take(): string | undefined {
    const oldest = [...this.waiting.entries()].sort((a, b) => a[1] - b[1]).slice(0, 4);
    return oldest.length ? pick(oldest)[0] : undefined;
  }
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log;
  const durationMs = options.minutes * 60_000;
  const warmUpMs = Math.min(60_000, Math.max(15_000, durationMs * 0.1));
  const app = snapshotApp(options.root);
  const dataDir = mkdtempSync(join(tmpdir(), 'rove-soak-data-'));
  const port = await freePort();
  const target = new Target(`http://127.0.0.1:${port}`, {
    root: app.root,
    dataDir,
    port,
    nodeArgs: ['--expose-gc', '--inspect=127.0.0.1:0'],
  });
  const streams: SoakStream[] = [];
  const checks: Check[] = [];
  const figures: Record<string, number | string> = {};
  const acks = new Map<string, Ack[]>();
  const unexpected: string[] = [];
  let reference: Stream | undefined;
  const note = (id: string, ack: Ack) => {
    const list = acks.get(id) ?? [];
    list.push(ack);
    acks.set(id, list);
  };
  const ackOf = (action: string, opId: string, answer: Answer): Ack => ({
    action,
    opId,
    version: Number(answer.body.request.version),
    status: String(answer.body.request.status),
    claimer: answer.body.request.claimedBy?.id,
  });

  try {
    figures.healthyMs = Math.round(await target.start());
    log(`Server at ${target.base} (pid ${target.server.child.pid}), data in ${dataDir}`);

    // ---- the branch, its staff on their tablets, its kiosks -------------------------------
    const setup = await Setup.connect(target.base);
    await setup.branches([BRANCH]);
    await must(target.base, 'PATCH', `/api/branches/${BRANCH}`, setup.adminToken, {
      zones: ZONES,
    });
    const began = performance.now();
    const staff = await setup.staff(options.tablets, [BRANCH]);
    const scene = await setup.scene(BRANCH, staff, 1);
    const kiosks = await pool(Array.from({ length: options.kiosks }), 4, (_, i) =>
      setup.enroll(BRANCH, 'kiosk', `Soak kiosk ${i + 1}`),
    );
    const { topics } = await must(target.base, 'GET', `/api/branches/${BRANCH}/topics`, kiosks[0]);
    const topicIds = (topics as Json[]).filter((t) => !t.hidden).map((t) => String(t.id));
    log(
      `Set up ${options.tablets} staff signed in on tablets, ${options.kiosks} kiosks, ` +
        `${topicIds.length} topics in ${((performance.now() - began) / 1000).toFixed(1)} s`,
    );

    // ---- streams ----------------------------------------------------------------------------
    const shared = new StreamShared();
    const board = new Board();
    const url = `${target.base}/api/branches/${BRANCH}/events`;
    const dropMeanMs = options.dropsPerStreamMinute ? 60_000 / options.dropsPerStreamMinute : 0;
    scene.rovers.forEach((rover, i) => {
      streams.push(
        new SoakStream(
          url,
          rover.token,
          shared,
          dropMeanMs,
          i === 0 ? (e) => board.hear(e) : undefined,
        ),
      );
    });
    await pool(streams, 20, (stream) => stream.connect());
    log(`${streams.length} streams open`);

    // ---- the load ---------------------------------------------------------------------------
    let running = true;
    const loadStart = performance.now();
    const elapsed = () => performance.now() - loadStart;
    const counts = { asks: 0, claims: 0, claimsRefused: 0, kioskCancels: 0, presence: 0 };
    const byAction: Record<string, number> = {};

    const act = async (rover: Rover, id: string, action: string, extra: object = {}) => {
      const opId = randomUUID();
      const answer = await target.send('POST', `/api/requests/${id}/${action}`, rover.token, {
        opId,
        ...extra,
      });
      if (answer.status === 200) {
        note(id, ackOf(action, opId, answer));
        byAction[action] = (byAction[action] ?? 0) + 1;
      } else if (answer.status !== 409) {
        unexpected.push(`${action} ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      return answer.status;
    };

    const kiosk = async (token: string) => {
      const later: Promise<void>[] = [];
      while (running) {
        await sleep(pause(60_000 / options.asksPerKioskMinute));
        if (!running) break;
        const id = randomUUID();
        const answer = await target.send('POST', '/api/requests', token, {
          id,
          topicId: pick(topicIds),
          name: `Patron ${random(1000)}`,
          ...(Math.random() < 0.3 ? { note: 'By the printers' } : {}),
        });
        if (answer.status !== 201 && answer.status !== 200) {
          unexpected.push(`ask ${answer.status} ${JSON.stringify(answer.body)}`);
          continue;
        }
        counts.asks++;
        note(id, ackOf('create', id, answer));
        // Some patrons give up and cancel at the kiosk (whether or not someone is on the way).
        if (Math.random() < 0.08) {
          later.push(
            (async () => {
              await sleep(between(3000, 20_000));
              if (!running) return;
              const opId = randomUUID();
              const cancel = await target.send('POST', `/api/requests/${id}/cancel`, token, {
                opId,
              });
              if (cancel.status === 200) {
                counts.kioskCancels++;
                note(id, ackOf('cancel', opId, cancel));
              } else if (cancel.status !== 409) {
                unexpected.push(`kiosk cancel ${cancel.status} ${JSON.stringify(cancel.body)}`);
              }
            })(),
          );
        }
      }
      await Promise.all(later);
    };

    const rover = async (me: Rover) => {
      while (running) {
        const id = board.take();
        if (!id) {
          await sleep(between(300, 800));
          continue;
        }
        const claimed = await act(me, id, 'claim');
        if (claimed !== 200) {
          counts.claimsRefused++;
          await sleep(between(100, 400));
          continue;
        }
        counts.claims++;
        // Walking over to the patron, then one of the ways a request goes on.
        await sleep(between(1000, 3000));
        const roll = Math.random();
        if (roll < 0.08) await act(me, id, 'release');
        else if (roll < 0.2) {
          await act(me, id, 'transfer', {
            skill: pick(SKILLS),
            note: 'Needs someone who knows the catalogue',
          });
        } else if (roll < 0.24) await act(me, id, 'cancel');
        else if (roll < 0.4) await act(me, id, 'resolve', { outcome: pick(OUTCOMES) });
        else if ((await act(me, id, 'start')) === 200) {
          await sleep(between(2000, 6000));
          await act(me, id, 'resolve', { outcome: pick(OUTCOMES), effort: 1 + random(6) });
        }
      }
    };

    const presence = async () => {
      const meanMs = 60_000 / (options.presencePerStaffMinute * scene.rovers.length);
      while (running) {
        await sleep(pause(meanMs));
        if (!running) break;
        const who = pick(scene.rovers);
        const roll = Math.random();
        const state = roll < 0.7 ? 'available' : roll < 0.9 ? 'break' : 'away';
        const answer = await target.send('PUT', '/api/presence', who.token, {
          state,
          zone: Math.random() < 0.2 ? null : pick(ZONES),
        });
        if (answer.status === 200) counts.presence++;
        else unexpected.push(`presence ${answer.status} ${JSON.stringify(answer.body)}`);
      }
    };

    const workers = [
      ...kiosks.map((token) => kiosk(token)),
      ...scene.rovers.slice(0, options.rovers).map((r) => rover(r)),
      presence(),
    ];

    // ---- the timeline: warm-up, memory, restart, warm-up, memory, end -----------------------
    const progress = setInterval(() => {
      const delivered = streams.reduce((n, s) => n + s.ids.length, 0);
      log(
        `  ${Math.round(elapsed() / 1000)} s: ${counts.asks} asked, ${counts.claims} claimed, ` +
          `${delivered} events delivered, ${target.fiveXx.length} 5xx`,
      );
    }, 30_000);
    const until = async (at: number) => {
      const wait = at - elapsed();
      if (wait > 0) await sleep(wait);
    };
    try {
      await until(warmUpMs);
      figures.rssWarmAKb = await rssAfterGcKb(target.inspector);
      log(`RSS after warm-up (after GC): ${figures.rssWarmAKb} KiB`);
      await until(durationMs / 2);
      figures.rssEndAKb = await rssAfterGcKb(target.inspector);
      log(`RSS before the restart (after GC): ${figures.rssEndAKb} KiB`);
      const stopped = performance.now();
      const child = target.server.child;
      await target.server.stop();
      figures.exitOnSigterm = String(child.exitCode ?? child.signalCode);
      figures.restartHealthyMs = Math.round(await target.start());
      figures.restartDowntimeMs = Math.round(performance.now() - stopped);
      log(
        `Restarted: SIGTERM exit ${figures.exitOnSigterm}, healthy again after ` +
          `${figures.restartDowntimeMs} ms (pid ${target.server.child.pid})`,
      );
      await until(durationMs / 2 + warmUpMs);
      figures.rssWarmBKb = await rssAfterGcKb(target.inspector);
      log(`RSS after warm-up since the restart (after GC): ${figures.rssWarmBKb} KiB`);
      await until(durationMs);
    } finally {
      running = false;
      clearInterval(progress);
    }
    // Let every client finish what it was doing (nothing should need long).
    target.giveUpAt = performance.now() + 120_000;
    await Promise.all(workers);
    figures.loadSeconds = Math.round(elapsed() / 1000);
    for (const stream of streams) stream.stopDropping();
    log(`Load stopped after ${figures.loadSeconds} s; checking`);

    // ---- the server's log, read once more from the start -----------------------------------
    // A fresh stream from Last-Event-ID 0 replays the branch's whole log from the store: that is
    // the record each stream is compared with. (The streams heard live events from memory and
    // resumed from the log; the reference is read only from the log, after everything.)
    const refIds: number[] = [];
    const refRequests: { seq: number; request: Json }[] = [];
    let refLast = performance.now();
    reference = await Stream.open(url, {
      token: scene.rovers[0]!.token,
      lastEventId: 0,
      onEvent: (event) => {
        if (event.id === undefined || event.event === 'snapshot') return;
        const id = Number(event.id);
        refIds.push(id);
        refLast = performance.now();
        if (event.event === 'request') {
          refRequests.push({ seq: id, request: (JSON.parse(event.data) as Json).request });
        }
      },
    });
    while (performance.now() - refLast < 2000) await sleep(200);
    const cut = refIds[refIds.length - 1] ?? 0;
    // Every stream must reach the cut (they may be mid-reconnect from a drop).
    const reachBy = performance.now() + 60_000;
    while (streams.some((s) => s.lastId < cut) && performance.now() < reachBy) await sleep(200);
    figures.rssEndBKb = await rssAfterGcKb(target.inspector);
    log(`RSS at the end (after GC): ${figures.rssEndBKb} KiB`);
    for (const stream of streams) stream.close();
    reference.close();

    // ---- checks -----------------------------------------------------------------------------
    checks.push({
      name: 'no answer was 5xx',
      pass: target.fiveXx.length === 0,
      detail: `${target.fiveXx.length} of ${target.calls} calls${
        target.fiveXx.length ? `; first: ${target.fiveXx.slice(0, 3).join(' | ')}` : ''
      }`,
    });
    checks.push({
      name: 'no unexpected answer (only 200/201, and 409 for a lost race)',
      pass: unexpected.length === 0,
      detail: unexpected.length ? unexpected.slice(0, 3).join(' | ') : 'none',
    });
    checks.push({
      name: 'the server stopped cleanly on SIGTERM',
      pass: figures.exitOnSigterm === '0',
      detail: `exit ${figures.exitOnSigterm}`,
    });
    checks.push(...(await acknowledgedChecks(target, scene.rovers[0]!.token, acks)));
    checks.push(...logChecks(refIds, refRequests, acks));
    checks.push(streamCheck(streams, refIds, cut, shared));
    for (const [label, warm, end] of [
      ['first process', figures.rssWarmAKb, figures.rssEndAKb],
      ['after the restart', figures.rssWarmBKb, figures.rssEndBKb],
    ] as const) {
      const change = (Number(end) - Number(warm)) / Number(warm);
      checks.push({
        name: `RSS after GC within 10% of warm-up (${label})`,
        pass: Math.abs(change) <= 0.1,
        detail: `${warm} -> ${end} KiB (${(change * 100).toFixed(1)}%)`,
      });
    }

    const delivered = streams.reduce((n, s) => n + s.ids.length, 0);
    Object.assign(figures, {
      asks: counts.asks,
      claims: counts.claims,
      claimsRefused: counts.claimsRefused,
      kioskCancels: counts.kioskCancels,
      presenceChanges: counts.presence,
      ...Object.fromEntries(Object.entries(byAction).map(([k, v]) => [`acked_${k}`, v])),
      events: refIds.length,
      eventsDelivered: delivered,
      streamConnects: streams.reduce((n, s) => n + s.connects, 0),
      streamDrops: streams.reduce((n, s) => n + s.drops, 0),
      streamRefused429: streams.reduce((n, s) => n + s.refused, 0),
      calls: target.calls,
      connectionErrorsRetried: target.connectionErrors,
      rateLimitedRetried: target.rateLimited,
    });
    return { pass: checks.every((c) => c.pass), checks, figures };
  } finally {
    for (const stream of streams) stream.close();
    reference?.close();
    await target.server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    app.dispose();
  }
}

/**
 * Every acknowledged request, read back: it stands as the newest acknowledged answer left it
 * (status and version), and the acknowledged versions are exactly 1..that version, each once
 * (every change was someone's acknowledged write, and no two writes built on the same one).
 * Each claim's previous version was `waiting`: nobody claimed a request someone held.
 */
async function acknowledgedChecks(
  target: Target,
  token: string,
  acks: Map<string, Ack[]>,
): Promise<Check[]> {
  const wrong: string[] = [];
  const gaps: string[] = [];
  const twice: string[] = [];
  const finals: Record<string, number> = {};
  await pool([...acks.entries()], 8, async ([id, list]) => {
    // A resent call answers what the first did: count each opId once.
    const unique = [...new Map(list.map((a) => [a.opId, a])).values()].sort(
      (a, b) => a.version - b.version,
    );
    const last = unique[unique.length - 1]!;
    const answer = await target.send('GET', `/api/requests/${id}`, token);
    const stored = answer.body?.request;
    finals[String(stored?.status)] = (finals[String(stored?.status)] ?? 0) + 1;
    if (answer.status !== 200 || stored.status !== last.status || stored.version !== last.version)
      wrong.push(
        `${id}: acknowledged ${last.status} v${last.version}, stored ${JSON.stringify(stored)}`,
      );
    if (unique.some((a, i) => a.version !== i + 1))
      gaps.push(`${id}: versions ${unique.map((a) => `${a.action}:${a.version}`).join(',')}`);
    unique.forEach((a, i) => {
      if (a.action === 'claim' && i > 0 && unique[i - 1]!.status !== 'waiting')
        twice.push(`${id}: claim v${a.version} after ${unique[i - 1]!.status}`);
    });
  });
  return [
    {
      name: 'every acknowledged request stands as its last acknowledged answer left it',
      pass: wrong.length === 0,
      detail: `${acks.size} requests read back (${Object.entries(finals)
        .map(([s, n]) => `${n} ${s}`)
        .join(
          ', ',
        )}), ${wrong.length} wrong${wrong.length ? `: ${wrong.slice(0, 2).join(' | ')}` : ''}`,
    },
    {
      name: 'acknowledged versions are 1..last, each once (no lost or doubled write)',
      pass: gaps.length === 0,
      detail: gaps.length ? `${gaps.length}: ${gaps.slice(0, 2).join(' | ')}` : 'all',
    },
    {
      name: 'no request claimed twice (by the answers: each claim came from waiting)',
      pass: twice.length === 0,
      detail: twice.length ? `${twice.length}: ${twice.slice(0, 2).join(' | ')}` : 'none',
    },
  ];
}

const LEGAL: Record<string, string[]> = {
  waiting: ['claimed', 'cancelled'],
  claimed: ['waiting', 'serving', 'done', 'cancelled'],
  serving: ['waiting', 'done'],
};

/**
 * The log, as the reference stream read it: seqs strictly increasing; every request's events
 * step through legal transitions (so no claimed -> claimed: claimed twice), versions never going
 * back; and every acknowledged answer's version of a request is in the log.
 */
function logChecks(
  refIds: number[],
  refRequests: { seq: number; request: Json }[],
  acks: Map<string, Ack[]>,
): Check[] {
  const increasing = refIds.every((id, i) => i === 0 || id > refIds[i - 1]!);
  const illegal: string[] = [];
  const last = new Map<string, Json>();
  const logged = new Set<string>();
  for (const { seq, request } of refRequests) {
    const id = String(request.id);
    logged.add(`${id} ${request.version}`);
    const before = last.get(id);
    last.set(id, request);
    if (!before) {
      if (request.version !== 1 || request.status !== 'waiting')
        illegal.push(`${id} first seen at seq ${seq} as ${request.status} v${request.version}`);
      continue;
    }
    // An escalation (alert) repeats the version with the same status.
    if (request.version === before.version && request.status === before.status) continue;
    if (request.version !== before.version + 1 || !LEGAL[before.status]?.includes(request.status))
      illegal.push(
        `${id} seq ${seq}: ${before.status} v${before.version} -> ${request.status} v${request.version}`,
      );
  }
  const missing: string[] = [];
  for (const [id, list] of acks)
    for (const ack of list)
      if (!logged.has(`${id} ${ack.version}`)) missing.push(`${id} v${ack.version}`);
  return [
    {
      name: "the branch's log: seqs increasing, every request through legal steps only",
      pass: increasing && illegal.length === 0,
      detail: `${refIds.length} events, ${refRequests.length} of requests, ${last.size} requests; ${
        increasing ? 'increasing' : 'NOT increasing'
      }; ${illegal.length} illegal${illegal.length ? `: ${illegal.slice(0, 2).join(' | ')}` : ''}`,
    },
    {
      name: 'every acknowledged answer is in the log',
      pass: missing.length === 0,
      detail: missing.length
        ? `${missing.length} missing: ${missing.slice(0, 3).join(', ')}`
        : 'all',
    },
  ];
}

/**
 * Every stream, across all its reconnections, heard exactly the log's events after its first
 * snapshot up to the cut (the last event when the load had stopped), each once, in seq order:
 * the same list as the reference's, compared element by element. And every stream sent the
 * same frame (event name and length) for a given seq as every other.
 */
function streamCheck(
  streams: SoakStream[],
  refIds: number[],
  cut: number,
  shared: StreamShared,
): Check {
  const bad: string[] = [];
  for (const [index, stream] of streams.entries()) {
    const start = stream.startSeq ?? Infinity;
    const expected = refIds.filter((id) => id > start && id <= cut);
    const heard = stream.ids.filter((id) => id <= cut);
    let same = expected.length === heard.length;
    for (let i = 0; same && i < expected.length; i++) same = expected[i] === heard[i];
    if (!same || stream.resets || stream.outOfOrder) {
      const firstDiff = expected.findIndex((id, i) => heard[i] !== id);
      bad.push(
        `stream ${index}: heard ${heard.length} of ${expected.length}, resets ${stream.resets}, ` +
          `out of order ${stream.outOfOrder}, first difference at ${firstDiff}`,
      );
    }
  }
  const reconnects = streams.reduce((n, s) => n + s.connects - 1, 0);
  return {
    name: 'every stream heard every event of its branch exactly once, in seq order',
    pass: bad.length === 0 && shared.mismatches === 0,
    detail: `${streams.length} streams, ${reconnects} resumes with Last-Event-ID, cut at seq ${cut}; ${
      bad.length
    } wrong${bad.length ? `: ${bad.slice(0, 2).join(' | ')}` : ''}; ${shared.mismatches} frames unlike other streams'`,
  };
}
