// Language tags as Rove matches them (src/shared/languages.ts): the kiosk's topic labels and the
// server's `?lang=` both go through `labelIn`, so a patron reads the same label either way.
import { describe, expect, it } from 'vitest';
import {
  canonicalTag,
  labelIn,
  matchLanguage,
  primaryLanguage,
} from '../../../src/shared/languages.js';

describe('languages', () => {
  it('canonicalizes well-formed tags and refuses others', () => {
    expect(canonicalTag('zh-hans')).toBe('zh-Hans');
    expect(canonicalTag('EN-us')).toBe('en-US');
    expect(canonicalTag('es')).toBe('es');
    expect(canonicalTag('not a tag')).toBeUndefined();
    expect(canonicalTag('')).toBeUndefined();
  });

  it('matches the same tag first, then the primary subtag', () => {
    expect(primaryLanguage('es-MX')).toBe('es');
    expect(matchLanguage('es-MX', ['en', 'es-ES', 'es'])).toBe('es');
    expect(matchLanguage('es-ES', ['en', 'es', 'es-ES'])).toBe('es-ES');
    expect(matchLanguage('ES', ['en', 'es'])).toBe('es');
    expect(matchLanguage('es', ['en', 'es-419'])).toBe('es-419');
    expect(matchLanguage('fr', ['en', 'es'])).toBeUndefined();
  });

  it("gives a topic's label in a language where there is one, else its default", () => {
    const topic = {
      label: 'Family history',
      labels: { es: 'Historia familiar', 'zh-Hans': '家谱' },
    };
    expect(labelIn(topic, 'es-MX')).toBe('Historia familiar');
    expect(labelIn(topic, 'zh')).toBe('家谱');
    expect(labelIn(topic, 'ar')).toBe('Family history');
    expect(labelIn(topic, undefined)).toBe('Family history');
    expect(labelIn({ label: 'Printing' }, 'es')).toBe('Printing');
  });
});
