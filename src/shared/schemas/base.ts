// The building blocks of every schema: text a person writes, ids, times, the enums of the
// state machine, language tags and zones.
import { Type, type Static } from '@sinclair/typebox';
import { literals } from './build.js';
import { ORIGINS, OUTCOMES, REQUEST_ACTIONS, REQUEST_STATUSES } from '../request-machine.js';

/**
 * Rove's one definition of text a person writes: no control characters (U+0000 breaks
 * PostgreSQL; the others break a line or a log). `LINES_TEXT` keeps tab and line breaks, for
 * notes and scripts that may be several lines. Every text field of every body uses `Text`.
 */
export const LINE_TEXT = '^[^\\u0000-\\u001F\\u007F]*$';
const LINES_TEXT = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$';
export const TEXT_PATTERNS: readonly string[] = [LINE_TEXT, LINES_TEXT];
export const Text = (max: number, { min = 1, lines = false } = {}) =>
  Type.String({ minLength: min, maxLength: max, pattern: lines ? LINES_TEXT : LINE_TEXT });

export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
export const Uuid = Type.String({ format: 'uuid' });
export const IsoTime = Type.String({ format: 'date-time' });
/** A skill's id: lowercase letters, digits and `-`, 1 to 40 (a supervisor names new ones). */
export const SKILL_ID_MAX = 40;
export const SkillId = Type.String({
  minLength: 1,
  maxLength: SKILL_ID_MAX,
  pattern: '^[a-z0-9-]+$',
});
export const Pin = Type.String({ pattern: '^[0-9]{4,8}$' });

export const RequestStatus = literals(REQUEST_STATUSES);
export const RequestAction = literals(REQUEST_ACTIONS);
export const Outcome = literals(OUTCOMES);
export const Need = literals(['private', 'accessible', 'language'] as const);
export type Need = Static<typeof Need>;
export const Origin = literals(ORIGINS);

/**
 * A patron's language as a BCP 47 tag ("es", "pt-BR", "zh-Hant"). Any well-formed tag for now;
 * a branch's own list of languages narrows it later.
 */
export const LANGUAGE_TAG_PATTERN = '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$';
export const LanguageTag = Type.String({
  minLength: 2,
  maxLength: 35,
  pattern: LANGUAGE_TAG_PATTERN,
});
/**
 * An IANA time zone name ("Europe/Paris", "America/Argentina/Buenos_Aires", "UTC"): letters,
 * digits, `_`, `+` and `-` in parts joined by `/`. Whether the zone exists is checked apart.
 */
export const TimeZoneName = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$',
});
/** A place on the floor ("Kids' area", "By the entrance"): one line, no control characters. */
export const Zone = Text(60);
/** The languages a person speaks, as BCP 47 tags. */
export const Languages = Type.Array(LanguageTag, { maxItems: 16, uniqueItems: true });
