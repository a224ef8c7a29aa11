// core/words: wording on the platform's Intl, as people say it (and as other languages will).
import { describe, expect, it } from 'vitest';
import {
  amount,
  count,
  duration,
  list,
  plural,
  relative,
  shortAmount,
} from '../../../../src/client/core/words/index.js';

describe('words', () => {
  it('plurals follow the language’s rules, not `=== 1`', () => {
    expect(count(1, 'change')).toBe('1 change');
    expect(count(0, 'change')).toBe('0 changes');
    expect(count(2, 'person', 'people')).toBe('2 people');
    expect(plural(1, 'was', 'were')).toBe('was');
    // Arabic has a form for two: the rule says so, not a hand-written check.
    expect(plural(2, 'one', 'other', 'ar')).toBe('other');
    expect(new Intl.PluralRules('ar').select(2)).toBe('two');
  });

  it('says amounts of time in full or short', () => {
    expect(amount(1, 'minute')).toBe('1 minute');
    expect(amount(5, 'hour')).toBe('5 hours');
    expect(shortAmount(4, 'minute')).toBe('4 min');
    expect(amount(3, 'minute', 'es')).toBe('3 minutos');
  });

  it('says a span as a person would', () => {
    expect(duration(0.4)).toBe('less than a second');
    expect(duration(1)).toBe('1 second');
    expect(duration(40)).toBe('40 seconds');
    expect(duration(180)).toBe('3 minutes');
    expect(duration(3900)).toBe('1 hour 5 minutes');
    expect(duration(7200)).toBe('2 hours');
  });

  it('says how long ago, and lists', () => {
    expect(relative(-1, 'minute')).toBe('1 minute ago');
    expect(relative(-3, 'hour')).toBe('3 hours ago');
    expect(list(['Books', 'Local history', 'Technology'])).toBe(
      'Books, Local history, and Technology',
    );
  });
});
