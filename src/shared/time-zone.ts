// IANA time zone names, checked against the platform's own time zone data (Intl): a branch's
// zone as a supervisor sets it, and the zone a report is counted in.

/**
 * The zone's name as the platform spells it ("america/toronto" is "America/Toronto"), or
 * undefined for a name it does not know.
 */
export function canonicalTimeZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
