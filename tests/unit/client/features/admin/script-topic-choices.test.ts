// The topics a supervisor may link a script to: every branch's, by the names branches gave them.
import { describe, expect, it } from 'vitest';
import { scriptTopicChoices } from '../../../../../src/client/features/admin/script-topic-choices.js';
import type { Topic } from '../../../../../src/shared/schemas.js';

const topic = (branchId: string, id: string, label: string, hidden = false): Topic => ({
  id,
  branchId,
  label,
  skill: 'general',
  icon: 'question',
  position: 0,
  hidden,
});

describe('scriptTopicChoices', () => {
  it('lists each id once, in the order the branches show them', () => {
    const main = [topic('main', 'tech', 'Technology'), topic('main', 'books', 'Finding books')];
    const east = [topic('east', 'books', 'Finding books'), topic('east', 'tax', 'Tax forms')];
    expect(scriptTopicChoices([main, east])).toEqual([
      { id: 'tech', label: 'Technology' },
      { id: 'books', label: 'Finding books' },
      { id: 'tax', label: 'Tax forms' },
    ]);
  });

  it('shows every name an id goes by, and says when no kiosk offers it', () => {
    const main = [
      topic('main', 'tech', 'Computers and printing'),
      topic('main', 'old', 'Old', true),
    ];
    const east = [topic('east', 'tech', 'Technology'), topic('east', 'old', 'Old', true)];
    const west = [topic('west', 'tech', 'Technology', true)];
    expect(scriptTopicChoices([main, east, west])).toEqual([
      { id: 'tech', label: 'Computers and printing / Technology' },
      { id: 'old', label: 'Old (hidden from the kiosk)' },
    ]);
  });

  it('offers nothing when no branch has topics', () => {
    expect(scriptTopicChoices([[], []])).toEqual([]);
  });
});
