// The starter scripts are data the server seeds: check they fit the schema the API validates
// with, and that they cover what the library asked for.
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { STARTER_SCRIPTS } from '../../../src/server/seed/scripts.js';
import { CreateScriptBody } from '../../../src/shared/scripts.js';

const STARTER_TOPICS = ['tech', 'books', 'youth', 'history', 'careers', 'forms', 'access'];

describe('starter scripts', () => {
  it('are at least twelve, each valid as a create body, with unique ids', () => {
    expect(STARTER_SCRIPTS.length).toBeGreaterThanOrEqual(12);
    for (const script of STARTER_SCRIPTS) {
      const errors = [...Value.Errors(CreateScriptBody, script)].map(
        (e) => `${script.id}${e.path}: ${e.message}`,
      );
      expect(errors).toEqual([]);
      for (const step of script.steps) expect(step.text.length).toBeLessThanOrEqual(300);
    }
    expect(new Set(STARTER_SCRIPTS.map((s) => s.id)).size).toBe(STARTER_SCRIPTS.length);
  });

  it('give every starter topic its own script', () => {
    for (const topic of STARTER_TOPICS) {
      const own = STARTER_SCRIPTS.filter((s) => s.topicIds.length === 1 && s.topicIds[0] === topic);
      expect(own.length, topic).toBeGreaterThanOrEqual(1);
    }
  });

  it('cover the welcome, recovery, privacy, hand-off and levels of service', () => {
    const titles = STARTER_SCRIPTS.map((s) => s.title.toLowerCase()).join('\n');
    for (const word of ['welcome', 'lost', 'arc', 'went wrong', 'quiet', 'handing off']) {
      expect(titles).toContain(word);
    }
    const levels = STARTER_SCRIPTS.filter((s) => s.levels);
    expect(levels.length).toBeGreaterThanOrEqual(1);
  });
});
