// Issue 15: a page's first Intl call loads the platform's locale data, a long task on a cheap
// tablet while the kiosk or the follow page starts. For the shipped locales, the direction of the
// writing and small numbers are known without Intl; these tables must say what Intl says.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ASCII_DIGIT_LOCALES,
  SHIPPED_DIRECTIONS,
  SHIPPED_LOCALES,
  direction,
  formatNumber,
} from '../../../../../src/client/core/locale/index.js';

const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg']);

describe('what the shipped locales are known to be without Intl', () => {
  afterEach(() => vi.restoreAllMocks());

  it('has the direction Intl gives each shipped locale', () => {
    expect(Object.keys(SHIPPED_DIRECTIONS).sort()).toEqual([...SHIPPED_LOCALES].sort());
    for (const locale of SHIPPED_LOCALES) {
      const script = new Intl.Locale(locale).maximize().script ?? '';
      expect(SHIPPED_DIRECTIONS[locale], locale).toBe(RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr');
    }
  });

  it('writes small whole numbers as Intl does in the ASCII-digit locales', () => {
    for (const locale of ASCII_DIGIT_LOCALES) {
      const intl = new Intl.NumberFormat(locale);
      for (const n of [0, 1, 7, 12, 99, 100, 999])
        expect(formatNumber(n, locale)).toBe(intl.format(n));
    }
    // And Intl still decides the rest: grouping, fractions, other digits.
    expect(formatNumber(1234, 'en')).toBe('1,234');
    expect(formatNumber(2.5, 'en')).toBe('2.5');
    expect(formatNumber(12, 'ar')).toBe(new Intl.NumberFormat('ar').format(12));
  });

  it('asks Intl nothing for a shipped locale', () => {
    const locale = vi.spyOn(Intl, 'Locale');
    const numbers = vi.spyOn(Intl, 'NumberFormat');
    expect(SHIPPED_LOCALES.map(direction)).toEqual(
      SHIPPED_LOCALES.map((l) => SHIPPED_DIRECTIONS[l]),
    );
    expect(formatNumber(12, 'en')).toBe('12');
    expect(formatNumber(3, 'zh-Hans')).toBe('3');
    expect(locale).not.toHaveBeenCalled();
    expect(numbers).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    // Anything else still goes by Intl's own data.
    expect(direction('he-IL')).toBe('rtl');
    expect(direction('fr')).toBe('ltr');
  });
});
