// Who fits a waiting request best (docs/API.md, "Who fits best"): a pure function of the
// request and the branch's presence list, so every tablet works it out from its replica, with
// no call, and a test can check it case by case.
import type { Presence } from './schemas.js';

/** What of a request the choice looks at. */
interface FitRequest {
  skill: string;
  language?: string;
  zone?: string;
}

/** The person chosen, and which of the three reasons they have. */
interface Fit {
  presence: Presence;
  skill: boolean;
  language: boolean;
  zone: boolean;
}

/** The primary language subtag: `es-MX` and `es` are both Spanish. */
const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();

/** Who may be suggested at all: on the floor, available, not busy, and heard from. */
export function canTakeOne(presence: Presence): boolean {
  return presence.signedIn && presence.state === 'available' && !presence.busy && !presence.silent;
}

/**
 * Among those who can take one, the person with the request's skill, then who speaks its
 * language, then who is in its zone; between equals, the one available longest (then by name,
 * so every tablet picks the same person). Undefined when nobody can take it.
 */
export function bestFit(request: FitRequest, floor: readonly Presence[]): Fit | undefined {
  const language = request.language ? primary(request.language) : undefined;
  const fits = floor.filter(canTakeOne).map((presence) => ({
    presence,
    skill: presence.skills.includes(request.skill),
    language: language !== undefined && presence.languages.some((l) => primary(l) === language),
    zone: request.zone !== undefined && presence.zone === request.zone,
  }));
  const score = (fit: Fit) => (fit.skill ? 4 : 0) + (fit.language ? 2 : 0) + (fit.zone ? 1 : 0);
  fits.sort(
    (a, b) =>
      score(b) - score(a) ||
      Date.parse(a.presence.since) - Date.parse(b.presence.since) ||
      a.presence.displayName.localeCompare(b.presence.displayName) ||
      a.presence.staffId.localeCompare(b.presence.staffId),
  );
  return fits[0];
}
