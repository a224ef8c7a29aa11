// The supervisor's script text: what it reads, what it refuses, and that it round-trips.
import { describe, expect, it } from 'vitest';
import {
  formatScriptText,
  moveStep,
  parseScriptText,
  parseTags,
} from '../../../../../src/client/ui/scripts/script-text.js';
import { STARTER_SCRIPTS } from '../../../../../src/server/seed/scripts.js';

describe('parseScriptText', () => {
  it('reads numbered steps with quoted phrases under them', () => {
    const parsed = parseScriptText(
      ['1. Look up and smile.', '   > "Good morning!"', '   > “Hi there.”', '2) Offer help.'].join(
        '\n',
      ),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.steps).toEqual([
      { text: 'Look up and smile.', phrases: ['Good morning!', 'Hi there.'] },
      { text: 'Offer help.', phrases: [] },
    ]);
    expect(parsed.levels).toBeUndefined();
  });

  it('joins a wrapped line to the step or phrase above, and renumbers by order', () => {
    const parsed = parseScriptText('7. Walk them\nto the shelf.\n> "Come\nwith me."\n3. Check.');
    expect(parsed.steps).toEqual([
      { text: 'Walk them to the shelf.', phrases: ['Come with me.'] },
      { text: 'Check.', phrases: [] },
    ]);
  });

  it('reads "[Send for a specialist]" under a step as its hand-off offer', () => {
    const parsed = parseScriptText(
      '1. Find out what they need.\n2. Send for the specialist.\n   > "Kim will come here."\n   [send for a  specialist]',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.steps).toEqual([
      { text: 'Find out what they need.', phrases: [] },
      { text: 'Send for the specialist.', phrases: ['Kim will come here.'], offer: 'hand-off' },
    ]);
    expect(formatScriptText(parsed.steps)).toContain(
      '   > "Kim will come here."\n   [Send for a specialist]\n',
    );
    const orphan = parseScriptText('[Send for a specialist]\n1. Hello.');
    expect(orphan.problems).toEqual([
      { line: 1, message: '"[Send for a specialist]" must come under a numbered step.' },
    ]);
  });

  it('keeps an apostrophe at the end of a phrase', () => {
    const parsed = parseScriptText("1. Point.\n> The twins' books are here");
    expect(parsed.steps[0]?.phrases).toEqual(["The twins' books are here"]);
  });

  it('reads all three levels of service', () => {
    const parsed = parseScriptText(
      '1. Answer.\nStandard: a right answer\nextended : walk with them\nExceptional: more',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.levels).toEqual({
      standard: 'a right answer',
      extended: 'walk with them',
      exceptional: 'more',
    });
  });

  it('says which line is wrong, in words', () => {
    const parsed = parseScriptText('Hello there\n> "orphan"\n1.');
    expect(parsed.problems.map((p) => p.line)).toEqual([1, 2, 3, 0]);
    expect(parsed.problems[0]?.message).toMatch(/start a step with a number/i);
    expect(parsed.problems[1]?.message).toMatch(/under a numbered step/i);
    expect(parsed.problems[3]?.message).toMatch(/at least one/i);
  });

  it('refuses some levels without the others, and over-long steps', () => {
    expect(parseScriptText('1. Hi\nStandard: ok').problems[0]?.message).toMatch(/all three/);
    const long = parseScriptText(`1. ${'x'.repeat(301)}`);
    expect(long.problems[0]?.message).toMatch(/too long/);
  });

  it('reads back what formatScriptText wrote, for every starter script', () => {
    for (const script of STARTER_SCRIPTS) {
      const parsed = parseScriptText(formatScriptText(script.steps, script.levels));
      expect(parsed.problems, script.id).toEqual([]);
      expect(parsed.steps, script.id).toEqual(script.steps);
      expect(parsed.levels, script.id).toEqual(script.levels);
    }
  });
});

describe('moveStep and parseTags', () => {
  it('moves a step up or down, and leaves the ends alone', () => {
    expect(moveStep(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveStep(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveStep(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveStep(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('splits tags on commas, trimmed, lower case, without repeats', () => {
    expect(parseTags(' Welcome, door,,welcome , Front Desk ')).toEqual([
      'welcome',
      'door',
      'front desk',
    ]);
  });
});
