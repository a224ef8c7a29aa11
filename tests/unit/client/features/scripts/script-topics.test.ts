// The scripts' topic filters: names and order from the topics the device holds, the starter
// names when it holds none, and the id for a topic known to neither.
import { describe, expect, it } from 'vitest';
import {
  linkedTopics,
  topicName,
} from '../../../../../src/client/features/scripts/script-topics.js';

const scripts = [{ topicIds: ['history', 'maker'] }, { topicIds: ['tech', 'zines_club'] }];
const held = [
  { id: 'maker', label: 'Maker space' },
  { id: 'history', label: 'Family history' },
  { id: 'books', label: 'Finding books' },
];

describe('script topics', () => {
  it('names a topic as the device holds it, else by its starter name, else by its id', () => {
    expect(topicName('history', held)).toBe('Family history');
    expect(topicName('history')).toBe('Local history');
    expect(topicName('tech', held)).toBe('Technology');
    expect(topicName('zines_club', held)).toBe('zines club');
  });

  it('lists linked topics the device holds first, in its order; then starter ones; then the rest', () => {
    expect(linkedTopics(scripts, held)).toEqual(['maker', 'history', 'tech', 'zines_club']);
    expect(linkedTopics(scripts)).toEqual(['tech', 'history', 'maker', 'zines_club']);
  });
});
