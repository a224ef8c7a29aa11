// What the supervisor's branch screen checks before it sends zones or a long-wait time.
import { describe, expect, it } from 'vitest';
import {
  ESCALATE_DEFAULT_SECONDS,
  ESCALATE_MAX_MINUTES,
  ZONES_MAX,
  ZONE_NAME_MAX,
  escalateMinutes,
  escalateSeconds,
  sayEscalation,
  zoneProblems,
} from '../../../../../src/client/features/admin/branch-floor.js';
import * as shared from '../../../../../src/shared/schemas.js';

describe('the limits', () => {
  it('are the server’s (repeated in the client, which imports no TypeBox)', () => {
    expect(ZONES_MAX).toBe(shared.ZONES_MAX);
    expect(ZONE_NAME_MAX).toBe(shared.ZONE_MAX);
    expect(ESCALATE_DEFAULT_SECONDS).toBe(shared.ESCALATE_DEFAULT_SECONDS);
    expect(ESCALATE_MAX_MINUTES * 60).toBe(shared.ESCALATE_MAX_SECONDS);
  });
});

describe('zoneProblems', () => {
  it('finds nothing wrong with distinct names of 1 to 40 characters', () => {
    expect(zoneProblems(['Ground floor', 'Kids’ area', 'x'.repeat(40)])).toEqual([]);
    expect(zoneProblems([])).toEqual([]);
  });

  it('names each zone to fix by its position, with what to fix', () => {
    expect(zoneProblems(['Ground floor', '', 'Study rooms', 'x'.repeat(41)])).toEqual([
      { index: 1, message: 'Zone 2 has no name.' },
      {
        index: 3,
        message: `Zone 4, “${'x'.repeat(41)}”, is 41 characters long; 40 at most, please.`,
      },
    ]);
  });

  it('counts characters as a person does: an emoji or accented letter is one', () => {
    expect(zoneProblems(['📚'.repeat(40)])).toEqual([]);
    expect(zoneProblems(['é'.repeat(40)])).toEqual([]);
  });

  it('finds two names alike ignoring case, pointing at the first', () => {
    expect(zoneProblems(['Kids’ area', 'Stacks', 'KIDS’ AREA'])).toEqual([
      { index: 2, message: 'Zone 3, “KIDS’ AREA”, is the same as zone 1.' },
    ]);
  });

  it('refuses a tab or line break, and more than 30 zones', () => {
    expect(zoneProblems(['Ground\tfloor'])[0]?.message).toContain('tab or line break');
    const many = Array.from({ length: 31 }, (_, i) => `Zone ${i}`);
    expect(zoneProblems(many)).toEqual([
      { index: 30, message: 'A branch can have at most 30 zones; this list has 31.' },
    ]);
  });
});

describe('escalateSeconds', () => {
  it('reads minutes as seconds, and 0 or "never" as off', () => {
    expect(escalateSeconds('3')).toEqual({ seconds: 180 });
    expect(escalateSeconds(' 1.5 ')).toEqual({ seconds: 90 });
    expect(escalateSeconds('2,5')).toEqual({ seconds: 150 });
    expect(escalateSeconds('0')).toEqual({ seconds: 0 });
    expect(escalateSeconds('Never')).toEqual({ seconds: 0 });
    expect(escalateSeconds('1440')).toEqual({ seconds: 86_400 });
  });

  it('says what to fix for blank, words, negative, too long and too short', () => {
    for (const written of ['', 'soon', '-3', '3 min', '1e2'])
      expect(escalateSeconds(written)).toEqual({
        problem: 'Please write how many minutes, for example 3, or 0 for never.',
      });
    expect(escalateSeconds('1441')).toEqual({
      problem: 'Please choose 1440 minutes (a day) or less, or 0 for never.',
    });
    expect(escalateSeconds('0.001')).toEqual({
      problem: 'Please choose at least a second, or 0 for never.',
    });
  });
});

describe('escalateMinutes and sayEscalation', () => {
  it('shows the default of 3 minutes for a branch that never chose', () => {
    expect(escalateMinutes(undefined)).toBe(3);
    expect(escalateMinutes(90)).toBe(1.5);
    expect(escalateMinutes(0)).toBe(0);
  });

  it('says a time in minutes and seconds', () => {
    expect(sayEscalation(180)).toBe('3 minutes');
    expect(sayEscalation(90)).toBe('1 minute 30 seconds');
    expect(sayEscalation(5)).toBe('5 seconds');
    expect(sayEscalation(0)).toBe('never');
  });
});
