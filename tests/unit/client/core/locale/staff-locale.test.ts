// Issue 13: the staff screens speak English until a library translates them; then a device whose
// browser prefers a translated language shows them in it (README, "Languages").
import { afterEach, describe, expect, it } from 'vitest';
import { STAFF_LOCALES, staffLocale } from '../../../../../src/client/core/locale/index.js';

describe('the staff screens’ language', () => {
  it('is English while no staff translation is listed, whatever the browser prefers', () => {
    expect(STAFF_LOCALES).toEqual([]);
    expect(staffLocale(['es-MX', 'es'])).toBe('en');
    expect(staffLocale([])).toBe('en');
  });

  describe('with Intl.Locale counted', () => {
    const RealLocale = Intl.Locale;
    const intl = Intl as { Locale: typeof RealLocale };
    let made = 0;
    afterEach(() => {
      intl.Locale = RealLocale;
    });

    it('answers English without asking Intl while none is listed (issue 15)', () => {
      // A page's first maximize() loads the platform's locale data: a long task at load.
      intl.Locale = class extends RealLocale {
        constructor(...args: ConstructorParameters<typeof RealLocale>) {
          super(...args);
          made++;
        }
      };
      expect(staffLocale(['es-MX', 'en-US', 'fr'])).toBe('en');
      expect(made).toBe(0);
      expect(staffLocale(['es-MX', 'en'], ['es'])).toBe('es');
      expect(made).toBeGreaterThan(0);
    });
  });

  it('is the first preferred language the library translated the staff screens into', () => {
    expect(staffLocale(['es-MX', 'en'], ['es'])).toBe('es');
    expect(staffLocale(['fr-CA', 'zh-CN', 'es'], ['es', 'zh-Hans'])).toBe('zh-Hans');
  });

  it('keeps English when the browser puts it before a translated language', () => {
    expect(staffLocale(['en-GB', 'es'], ['es'])).toBe('en');
  });

  it('never picks a language only the patron screens speak', () => {
    expect(staffLocale(['ar'], ['es'])).toBe('en');
    // Traditional Chinese is not the Simplified the library translated.
    expect(staffLocale(['zh-TW'], ['zh-Hans'])).toBe('en');
  });
});
