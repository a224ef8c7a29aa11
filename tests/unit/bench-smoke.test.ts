// `npm run bench` at a tiny size, on PGlite, so the bench cannot rot unnoticed: it must start
// the built server, produce every figure, and see every event delivered, each claim won once
// and one winner per race. No timing is judged here (the machine is shared and noisy); the
// budgets are judged by `npm run bench` alone.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBench } from '../bench/run.js';
import type { Figure } from '../bench/stats.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const PGLITE_FIGURES = [
  'kiosk-first-load-js',
  'fanout-200',
  'fanout-1000',
  'claims-per-second',
  'claim-race-winners',
  'catch-up',
  'kiosk-offline-ask-me',
  'start-to-healthy',
  'rss-per-idle-stream',
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
    for (const id of ['fanout-200', 'fanout-1000']) {
      const { delivered, expected } = byId.get(id)!.detail as {
        delivered: number;
        expected: number;
      };
      expect(delivered, id).toBe(expected);
    }
    const claims = byId.get('claims-per-second')!.detail as {
      perRun: { claims: number; won: number; claimedAfter: number }[];
    };
    for (const run of claims.perRun)
      expect([run.won, run.claimedAfter]).toEqual([run.claims, run.claims]);
    expect(byId.get('claim-race-winners')!.runs.every((w) => w === 1)).toBe(true);
    const catchUp = byId.get('catch-up')!.detail as {
      missed: { events: number };
      perRun: { received: number; inOrder: boolean; snapshot: boolean }[];
    };
    for (const run of catchUp.perRun) {
      expect(run).toEqual({
        ...run,
        received: catchUp.missed.events,
        inOrder: true,
        snapshot: false,
      });
    }
    expect(report.machine.cpus).toBeGreaterThan(0);
    expect(report.git.commit).toMatch(/^[0-9a-f]{40}$|^unknown$/);
  });
});
