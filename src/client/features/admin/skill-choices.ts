// Which skills a supervisor may pick for a topic or a person (docs/API.md, "Skills"): every
// current skill, and a retired one only where it is held already, named as kept. Also the id a
// new skill gets from its name.
import type { Skill } from '../../../shared/schemas.js';
import { msg, str } from '../../core/locale/msg.js';

interface SkillChoice {
  id: string;
  /** The skill's name, with "(retired, kept)" on a retired one held already. */
  label: string;
  retired: boolean;
}

/**
 * The current skills, in the library's order, and of the retired ones only those in `held`
 * (the topic's or person's own): they keep them, but nobody is offered one anew.
 */
export function skillChoices(
  skills: readonly Skill[],
  held: readonly string[] = [],
): SkillChoice[] {
  return skills
    .filter((skill) => !skill.retired || held.includes(skill.id))
    .map((skill) => ({
      id: skill.id,
      label: skill.retired ? msg(str`${skill.label} (retired, kept)`) : skill.label,
      retired: skill.retired === true,
    }));
}

/** The longest skill id the server takes (SKILL_ID_MAX in src/shared/schemas.ts). */
const ID_MAX = 40;

/**
 * An id for a new skill named `label`, not yet taken by `skills`: "Legal forms" → "legal-forms"
 * ("legal-forms-2" when taken). A name with no Latin letters or digits gets "skill".
 */
export function skillIdFor(label: string, skills: readonly Skill[]): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFKD')
      // The accents NFKD splits off ("é" → "e" + U+0301) go, so "Café" is "cafe".
      .replace(/\p{M}+/gu, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, ID_MAX - 4)
      .replace(/-+$/, '') || 'skill';
  const taken = new Set(skills.map((skill) => skill.id));
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}
