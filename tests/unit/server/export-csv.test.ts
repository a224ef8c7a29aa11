// The CSV export's two small writers (src/server/store/export.ts): RFC 4180 records, and ISO
// times on a zone's clock with its offset, including zones a half hour off and west of UTC.
import { describe, expect, it } from 'vitest';
import { csvLine, isoInZone } from '../../../src/server/store/export.js';

describe('csvLine', () => {
  it('leaves plain fields alone and ends the record with CRLF', () => {
    expect(csvLine(['A5', 'done', '', '12.5'])).toBe('A5,done,,12.5\r\n');
  });

  it('quotes a field with a comma, a quote or a line break, doubling quotes', () => {
    expect(csvLine(['a,b', 'say "hi"', 'one\ntwo', 'cr\rhere'])).toBe(
      '"a,b","say ""hi""","one\ntwo","cr\rhere"\r\n',
    );
  });
});

describe('isoInZone', () => {
  const at = Date.parse('2026-03-06T14:00:00.250Z');

  it("writes the zone's clock time to the millisecond and its offset", () => {
    expect(isoInZone(at, -5 * 3600)).toBe('2026-03-06T09:00:00.250-05:00');
    expect(isoInZone(at, 0)).toBe('2026-03-06T14:00:00.250+00:00');
    expect(isoInZone(at, 5.5 * 3600)).toBe('2026-03-06T19:30:00.250+05:30');
    expect(isoInZone(at, -3.5 * 3600)).toBe('2026-03-06T10:30:00.250-03:30');
    expect(isoInZone(at, 14 * 3600)).toBe('2026-03-07T04:00:00.250+14:00');
  });

  it('is empty for a time not reached', () => {
    expect(isoInZone(null, 0)).toBe('');
  });
});
