// core/words: wording on the platform's Intl, as people say it (and as other languages will).
import { describe, expect, it } from 'vitest';
import { count, list, plural } from '../../../../src/client/core/words/index.js';
import { amount, duration, relative, shortAmount } from '../../../../src/client/core/words/time.js';

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

  it("English plurals, worked out without Intl, are Intl.PluralRules('en')'s", () => {
    const english = new Intl.PluralRules('en');
    for (const n of [-2, -1, -0.5, 0, 0.5, 1, 1.5, 2, 3, 11, 21, 101, 1e6]) {
      expect(plural(n, 'one', 'other'), String(n)).toBe(
        english.select(n) === 'one' ? 'one' : 'other',
      );
    }
  });

  it("English amounts, said without Intl, are Intl.NumberFormat('en')'s", () => {
    const numbers = [
      -1234, -2, -1, -0, 0, 1, 2, 5, 59, 60, 99, 100, 999, 1000, 1001, 12345, 1234567,
    ];
    for (const unit of ['second', 'minute', 'hour', 'day'] as const) {
      for (const display of ['long', 'short'] as const) {
        const intl = new Intl.NumberFormat('en', { style: 'unit', unit, unitDisplay: display });
        const ours = display === 'long' ? amount : shortAmount;
        for (const n of numbers)
          expect(ours(n, unit), `${n} ${unit} ${display}`).toBe(intl.format(n));
      }
    }
    // Not whole: Intl says it.
    expect(shortAmount(1.5, 'hour')).toBe('1.5 hr');
  });

  it('a formatter is made once per locale and options, then reused', () => {
    const made = { number: 0, relative: 0, list: 0 };
    const { NumberFormat, RelativeTimeFormat, ListFormat } = Intl;
    const counting = <C extends abstract new (...args: never[]) => object>(
      real: C,
      key: keyof typeof made,
    ) =>
      new Proxy(real, {
        construct(target, args) {
          made[key] += 1;
          return Reflect.construct(target, args);
        },
      });
    Object.assign(Intl, {
      NumberFormat: counting(NumberFormat, 'number'),
      RelativeTimeFormat: counting(RelativeTimeFormat, 'relative'),
      ListFormat: counting(ListFormat, 'list'),
    });
    try {
      for (let i = 0; i < 5; i++) {
        shortAmount(i, 'hour', 'fr');
        amount(i, 'hour', 'fr');
        relative(-i, 'day', 'fr');
        list(['a', 'b'], 'fr');
      }
      expect(made).toEqual({ number: 2, relative: 1, list: 1 });
      expect(shortAmount(4, 'hour', 'fr')).toBe(
        new NumberFormat('fr', { style: 'unit', unit: 'hour', unitDisplay: 'short' }).format(4),
      );
    } finally {
      Object.assign(Intl, { NumberFormat, RelativeTimeFormat, ListFormat });
    }
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
