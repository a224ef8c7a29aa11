// Which days a report's range choice means: on the calendar of the report's time zone (the
// branch's own, else this device's), across midnight, a month's end and daylight saving.
import { describe, expect, it } from 'vitest';
import {
  browserTimeZone,
  localDay,
  presetRange,
  reportZone,
} from '../../../../../src/client/features/admin/report-format.js';

describe('the days of a report', () => {
  it("gives the day on the zone's calendar, which may not be UTC's", () => {
    const lateEvening = new Date('2026-03-08T03:30:00Z'); // 23:30 on the 7th in New York
    expect(localDay(lateEvening, 0, 'America/New_York')).toBe('2026-03-07');
    expect(localDay(lateEvening, 0, 'UTC')).toBe('2026-03-08');
    const newYear = new Date('2026-12-31T11:00:00Z'); // 01:00 on 1 January at UTC+14
    expect(localDay(newYear, 0, 'Pacific/Kiritimati')).toBe('2027-01-01');
    expect(localDay(newYear, 0, 'Pacific/Pago_Pago')).toBe('2026-12-31');
  });

  it('counts days back across a month and a change of clocks', () => {
    const at = new Date('2026-03-10T12:00:00Z');
    expect(localDay(at, -9, 'America/New_York')).toBe('2026-03-01');
    expect(localDay(at, -10, 'Europe/Paris')).toBe('2026-02-28');
    expect(presetRange('today', at, 'Asia/Tokyo')).toEqual({
      from: '2026-03-10',
      to: '2026-03-10',
    });
    expect(presetRange('week', at, 'America/New_York')).toEqual({
      from: '2026-03-04',
      to: '2026-03-10',
    });
    expect(presetRange('month', new Date('2026-03-01T02:00:00Z'), 'America/Los_Angeles')).toEqual({
      from: '2026-01-30',
      to: '2026-02-28',
    });
  });

  it("counts in the branch's zone once it has one, else this device's", () => {
    expect(reportZone({ timeZone: 'Europe/Lisbon' })).toBe('Europe/Lisbon');
    expect(reportZone({})).toBe(browserTimeZone());
    expect(reportZone(undefined)).toBe(browserTimeZone());
  });
});
