// Ids made from labels and titles keep accented letters (a leftover of issue 13's languages:
// "Café" used to become "caf-").
import { describe, expect, it } from 'vitest';
import { slugOf } from '../../../src/shared/slug.js';
import { scriptIdFromTitle } from '../../../src/shared/scripts.js';

describe('slugOf', () => {
  it('keeps the letters of accented words', () => {
    expect(slugOf('Café & Wi-Fi!', 40)).toBe('cafe-wi-fi');
    expect(slugOf('Ayuda con el currículum', 40)).toBe('ayuda-con-el-curriculum');
    expect(slugOf('Généalogie', 40)).toBe('genealogie');
  });

  it('cuts to the length without a dash at either end', () => {
    expect(slugOf('  -- Finding a book! --  ', 40)).toBe('finding-a-book');
    expect(slugOf('abc def', 4)).toBe('abc');
  });

  it('answers nothing for words with no Latin letters, so callers fall back', () => {
    expect(slugOf('中文', 40)).toBe('');
    expect(scriptIdFromTitle('العربية')).toBe('script');
  });

  it('names a script from its title', () => {
    expect(scriptIdFromTitle('Bienvenida a la biblioteca')).toBe('bienvenida-a-la-biblioteca');
  });
});
