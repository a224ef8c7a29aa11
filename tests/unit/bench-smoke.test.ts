// `npm run bench` at a tiny size, on PGlite, so the bench cannot rot unnoticed: it must start
// the built server and the reference server, produce every figure and every ratio to the
// reference, and see every event delivered (on both servers), each claim won once and one
// winner per race. No timing is judged here (the machine is shared and noisy); the budgets
// are judged by `npm run bench` alone.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBench } from '../bench/run.js';
import type { Figure } from '../bench/stats.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const PGLITE_FIGURES = [
  'kiosk-first-load-js',
  'create-to-event',
  'fanout-50',
  'fanout-200',
  'fanout-1000',
  'claims-per-second',
  'claim-race-winners',
  'catch-up',
  'kiosk-offline-ask-me',
  'start-to-healthy',
  'rss-per-idle-stream',
  'store-floor-create-to-event',
  'store-floor-fanout-50',
  'store-floor-fanout-200',
  'store-floor-claims-per-second',
  'store-floor-claim-race-winners',
];
/** The store floor's figures (floor-server.ts): Rove's ratio budgets, shown and not judged. */
const FLOOR_RATIOS = [
  'store-floor-create-to-event',
  'store-floor-fanout-50',
  'store-floor-fanout-200',
  'store-floor-claims-per-second',
];
/** Every timed figure of a server is measured against the reference server too. */
const AGAINST_REFERENCE = [
  'create-to-event',
  'fanout-50',
  'fanout-200',
  'fanout-1000',
  'claims-per-second',
  'catch-up',
  ...FLOOR_RATIOS,
  'start-to-healthy',
  'rss-per-idle-stream',
];
/** Issue 15's budgets are ratios to the reference. */
const RATIO_BUDGETS = [
  'create-to-event',
  'fanout-50',
  'fanout-200',
  'claims-per-second',
  ...FLOOR_RATIOS,
];

describe('the bench at a tiny size', () => {
  it('measures every figure on PGlite', { timeout: 180_000 }, async () => {
    const report = await runBench({ root: ROOT, quick: true, stores: ['pglite'] });
    const byId = new Map<string, Figure>(report.figures.map((f) => [f.id, f]));
    expect([...byId.keys()].sort()).toEqual([...PGLITE_FIGURES].sort());
    for (const f of report.figures) {
      expect(f.runs.length, f.id).toBeGreaterThan(0);
      expect(f.runs.every(Number.isFinite), `${f.id}: ${f.runs.join(', ')}`).toBe(true);
    }
    expect(report.figures.filter((f) => f.ratio).map((f) => f.id)).toEqual(AGAINST_REFERENCE);
    for (const id of AGAINST_REFERENCE) {
      const { runs, reference, ratio } = byId.get(id)!;
      // One reference run for each of Rove's (alternating), and a ratio for each pair.
      expect(reference!.runs.length, id).toBe(runs.length);
      expect(ratio!.runs.length, id).toBe(runs.length);
      expect([...reference!.runs, ...ratio!.runs].every(Number.isFinite), id).toBe(true);
      // A time or a rate is positive. RSS per stream is a difference of two readings, which at
      // this tiny size can fall either way (the collector may run between them): finite only.
      if (id !== 'rss-per-idle-stream') expect(ratio!.median, id).toBeGreaterThan(0);
    }
    expect(report.figures.filter((f) => f.budget.of === 'ratio').map((f) => f.id)).toEqual(
      RATIO_BUDGETS,
    );
    // The floor's carry Rove's budgets, for information: never judged.
    expect(report.figures.filter((f) => f.budget.informs).map((f) => f.id)).toEqual(FLOOR_RATIOS);
    for (const id of FLOOR_RATIOS) {
      const rove = byId.get(id.replace('store-floor-', ''))!;
      expect(byId.get(id)!.budget, id).toEqual({ ...rove.budget, informs: true });
    }
    // Delivered counts both servers' streams: the reference's must all arrive too.
    for (const id of [
      'create-to-event',
      'fanout-50',
      'fanout-200',
      'fanout-1000',
      'store-floor-create-to-event',
      'store-floor-fanout-50',
      'store-floor-fanout-200',
    ]) {
      const { delivered, expected, referencePerRun } = byId.get(id)!.detail as {
        delivered: number;
        expected: number;
        referencePerRun: { delivered: number; expected: number }[];
      };
      expect(delivered, id).toBe(expected);
      expect(referencePerRun.length, id).toBeGreaterThan(0);
      for (const run of referencePerRun) expect(run.delivered, id).toBe(run.expected);
    }
    // Every claim won once, by Rove, the reference and the store floor (its guard is SQL's).
    for (const id of ['claims-per-second', 'store-floor-claims-per-second']) {
      const claims = byId.get(id)!.detail as Record<
        'perRun' | 'referencePerRun',
        { claims: number; won: number; claimedAfter: number }[]
      >;
      for (const run of [...claims.perRun, ...claims.referencePerRun])
        expect([run.won, run.claimedAfter], id).toEqual([run.claims, run.claims]);
    }
    for (const id of ['claim-race-winners', 'store-floor-claim-race-winners'])
      expect(
        byId.get(id)!.runs.every((w) => w === 1),
        id,
      ).toBe(true);
    type CatchUpRuns = {
      missed: { events: number };
      perRun: { received: number; inOrder: boolean; snapshot: boolean }[];
    };
    const catchUp = byId.get('catch-up')!.detail as CatchUpRuns & {
      referenceMissed: CatchUpRuns['missed'];
      referencePerRun: CatchUpRuns['perRun'];
    };
    for (const [missed, runs] of [
      [catchUp.missed, catchUp.perRun],
      [catchUp.referenceMissed, catchUp.referencePerRun],
    ] as const) {
      expect(runs.length).toBeGreaterThan(0);
      for (const run of runs)
        expect(run).toEqual({ ...run, received: missed.events, inOrder: true, snapshot: false });
    }
    expect(report.machine.cpus).toBeGreaterThan(0);
    expect(report.git.commit).toMatch(/^[0-9a-f]{40}$|^unknown$/);
  });
});
