// Which skills a topic or person may be given (issue 13): current ones, and a retired one only
// where it is held already; and the id a new skill gets from its name.
import { describe, expect, it } from 'vitest';
import {
  skillChoices,
  skillIdFor,
} from '../../../../../src/client/features/admin/skill-choices.js';

const SKILLS = [
  { id: 'tech', label: 'Technology', retired: false },
  { id: 'law', label: 'Law', retired: true },
  { id: 'books', label: 'Finding books' },
];

describe('skill choices', () => {
  it('offers the current skills, and a retired one only where it is held', () => {
    expect(skillChoices(SKILLS).map((s) => s.id)).toEqual(['tech', 'books']);
    expect(skillChoices(SKILLS, ['law'])).toEqual([
      { id: 'tech', label: 'Technology', retired: false },
      { id: 'law', label: 'Law (retired, kept)', retired: true },
      { id: 'books', label: 'Finding books', retired: false },
    ]);
  });

  it('makes a free id from the name', () => {
    expect(skillIdFor('Legal forms', SKILLS)).toBe('legal-forms');
    expect(skillIdFor('  Technology!', SKILLS)).toBe('technology');
    expect(skillIdFor('Law', SKILLS)).toBe('law-2');
    expect(skillIdFor('Café & Crème', SKILLS)).toBe('cafe-creme');
    expect(skillIdFor('中文', SKILLS)).toBe('skill');
    const long = skillIdFor('x'.repeat(80), SKILLS);
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toMatch(/^[a-z0-9-]+$/);
  });
});
