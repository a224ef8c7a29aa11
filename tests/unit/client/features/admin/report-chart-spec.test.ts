// What the Report screen's charts show (report-chart-spec.ts), from the report's figures: the
// weekday grid Monday first, waits in minutes with the days nobody waited left empty, and the
// feedback quadrant with only topics whose patrons said how much it mattered.
import { describe, expect, it } from 'vitest';
import {
  heatSpec,
  placeLabels,
  quadrantSpec,
  type Box,
  sayQuadrant,
  waitsSpec,
} from '../../../../../src/client/features/admin/report-chart-spec.js';
import type { ServiceReport } from '../../../../../src/shared/report.js';

const cells = (busy: Record<string, number>) =>
  Array.from({ length: 168 }, (_, cell) => {
    const weekday = Math.floor(cell / 24);
    const hour = cell % 24;
    return { weekday, hour, requests: busy[`${weekday} ${hour}`] ?? 0 };
  });

const report = (part: Partial<ServiceReport>) => part as ServiceReport;

describe('the report charts’ data', () => {
  it('puts Monday first and Sunday last in the weekday grid', () => {
    const spec = heatSpec(report({ heatmap: cells({ '0 9': 2, '1 10': 5, '6 23': 1 }) }));
    expect(spec.counts).toHaveLength(7);
    expect(spec.counts[0]![10]).toBe(5); // Monday
    expect(spec.counts[5]![23]).toBe(1); // Saturday
    expect(spec.counts[6]![9]).toBe(2); // Sunday
    expect(spec.counts.flat().reduce((a, b) => a + b, 0)).toBe(8);
  });

  it('gives waits in minutes to a tenth, and none for a day nobody waited', () => {
    const spec = waitsSpec(
      report({
        waitsByDay: [
          { day: '2026-03-01', requests: 2, p50Seconds: 90, p90Seconds: 114 },
          { day: '2026-03-02', requests: 0, p50Seconds: null, p90Seconds: null },
        ],
      }),
    );
    expect(spec).toEqual({
      kind: 'waits',
      days: ['2026-03-01', '2026-03-02'],
      p50: [1.5, null],
      p90: [1.9, null],
    });
  });

  it('places only topics with both answers, by their labels, with their answer counts', () => {
    const spec = quadrantSpec(
      report({
        topics: [
          {
            topicId: 'tech',
            label: 'Computers',
            count: 3,
            medianWaitSeconds: null,
            byOrigin: { kiosk: 3, walkUp: 0, handOff: 0 },
          },
        ],
        feedback: {
          responses: 5,
          satisfaction: [0, 1, 1, 1, 2],
          byTopic: [
            { topicId: 'tech', responses: 3, satisfactionMean: 2.5, importanceMean: 4 },
            { topicId: 'gone', responses: 1, satisfactionMean: 5, importanceMean: 3 },
            { topicId: 'books', responses: 1, satisfactionMean: 4, importanceMean: null },
          ],
        },
      }),
    );
    expect(spec.points).toEqual([
      { label: 'Computers', satisfaction: 2.5, importance: 4, responses: 3 },
      { label: 'gone', satisfaction: 5, importance: 3, responses: 1 },
    ]);
  });

  it('names the quadrant a topic falls in, the middle counting as the upper half', () => {
    expect(sayQuadrant(2.5, 4)).toBe('Matters, and needs work');
    expect(sayQuadrant(3, 3)).toBe('Matters, and goes well');
    expect(sayQuadrant(1, 2)).toBe('Matters less, needs work');
    expect(sayQuadrant(4.5, 1.5)).toBe('Matters less, goes well');
  });

  describe('where the quadrant writes each topic’s name', () => {
    const overlaps = (a: Box, b: Box) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const area = { x: 40, y: 10, width: 560, height: 300 };
    const above = (d: { x: number; y: number; r: number; width: number; height: number }) => ({
      x: d.x - d.width / 2,
      y: d.y - d.r - 4 - d.height,
      width: d.width,
      height: d.height,
    });
    // Three topics scored 2, 2.5 and 3 for how well we did, all 4.5 for how much it mattered
    // (as seen printed): their dots side by side, their names much wider than the gaps.
    const dots = [
      { x: 180, y: 60, r: 10, width: 230, height: 15 },
      { x: 250, y: 60, r: 10, width: 210, height: 15 },
      { x: 320, y: 60, r: 10, width: 150, height: 15 },
      { x: 180, y: 100, r: 8, width: 190, height: 15 },
    ];
    const corner = { x: 48, y: 18, width: 130, height: 15 };

    it('writes no name over another, over a dot or over the quarters’ words', () => {
      // All above their dots, as they were drawn: the names ran into one another.
      expect(overlaps(above(dots[0]!), above(dots[1]!))).toBe(true);
      const places = placeLabels(dots, [corner], area);
      expect(places).toHaveLength(dots.length);
      const discs = dots.map((d) => ({
        x: d.x - d.r,
        y: d.y - d.r,
        width: 2 * d.r,
        height: 2 * d.r,
      }));
      places.forEach((place, i) => {
        expect(place.width).toBe(dots[i]!.width);
        expect(overlaps(place, corner), `name ${i} on the corner words`).toBe(false);
        places.forEach((other, k) => {
          if (k !== i) expect(overlaps(place, other), `names ${i} and ${k}`).toBe(false);
        });
        discs.forEach((disc, k) => {
          expect(overlaps(place, disc), `name ${i} on dot ${k}`).toBe(false);
        });
        expect(place.x).toBeGreaterThanOrEqual(area.x);
        expect(place.x + place.width).toBeLessThanOrEqual(area.x + area.width);
        expect(place.y).toBeGreaterThanOrEqual(area.y);
        expect(place.y + place.height).toBeLessThanOrEqual(area.y + area.height);
      });
    });

    it('writes a lone name above its dot, next to it', () => {
      const [place] = placeLabels([dots[0]!], [], area);
      expect(place).toEqual(above(dots[0]!));
    });
  });
});
