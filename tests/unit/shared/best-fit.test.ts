// bestFit, case by case: skill first, then language, then zone; only those who can take one.
import { describe, expect, it } from 'vitest';
import { bestFit, canTakeOne } from '../../../src/shared/best-fit.js';
import type { Presence } from '../../../src/shared/schemas.js';

const person = (displayName: string, more: Partial<Presence> = {}): Presence => ({
  staffId: displayName.toLowerCase(),
  displayName,
  state: 'available',
  zone: null,
  since: '2026-12-04T09:00:00.000Z',
  busy: false,
  silent: false,
  signedIn: true,
  skills: [],
  languages: [],
  ...more,
});
const who = (fit: ReturnType<typeof bestFit>) => fit?.presence.displayName;

describe('bestFit', () => {
  it('prefers the skill over a shared language, and a language over the zone', () => {
    const kim = person('Kim', { skills: ['history'] });
    const ana = person('Ana', { languages: ['es'], zone: '2nd floor' });
    const lee = person('Lee', { zone: '2nd floor' });
    const request = { skill: 'history', language: 'es-MX', zone: '2nd floor' };
    expect(bestFit(request, [ana, lee, kim])).toEqual({
      presence: kim,
      skill: true,
      language: false,
      zone: false,
    });
    expect(who(bestFit(request, [lee, ana]))).toBe('Ana');
    expect(who(bestFit({ skill: 'tech', zone: '2nd floor' }, [kim, lee]))).toBe('Lee');
  });

  it('among equals, the one available longest, then by name', () => {
    const early = person('Sam', { since: '2026-12-04T08:00:00.000Z' });
    const late = person('Abe', { since: '2026-12-04T10:00:00.000Z' });
    expect(who(bestFit({ skill: 'tech' }, [late, early]))).toBe('Sam');
    const twin = person('Ada', { since: early.since });
    expect(who(bestFit({ skill: 'tech' }, [early, twin]))).toBe('Ada');
  });

  it('never suggests someone on a break, away, busy, silent or signed out', () => {
    const skilled = { skills: ['tech'] };
    const out = [
      person('Brk', { ...skilled, state: 'break' }),
      person('Awy', { ...skilled, state: 'away' }),
      person('Bsy', { ...skilled, busy: true }),
      person('Sil', { ...skilled, silent: true }),
      person('Gon', { ...skilled, signedIn: false }),
    ];
    for (const presence of out) expect(canTakeOne(presence)).toBe(false);
    expect(bestFit({ skill: 'tech' }, out)).toBeUndefined();
    const anyone = person('Any');
    expect(bestFit({ skill: 'tech' }, [...out, anyone])).toEqual({
      presence: anyone,
      skill: false,
      language: false,
      zone: false,
    });
  });

  it('ranks a shared language above who came first, and a kiosk tag finds its speakers', () => {
    // Issue 13: neither has the skill; the one who speaks the patron's language is suggested,
    // though the other has been available longer.
    const early = person('Lee', { since: '2026-12-04T07:00:00.000Z', zone: 'Lobby' });
    const ana = person('Ana', { languages: ['es'] });
    expect(bestFit({ skill: 'law', language: 'es' }, [early, ana])).toEqual({
      presence: ana,
      skill: false,
      language: true,
      zone: false,
    });
    // A language beats the zone; the skill beats both.
    expect(who(bestFit({ skill: 'law', language: 'es', zone: 'Lobby' }, [early, ana]))).toBe('Ana');
    const lawyer = person('Kim', { skills: ['law'] });
    expect(who(bestFit({ skill: 'law', language: 'es' }, [ana, lawyer]))).toBe('Kim');
    // The kiosk's "zh-Hans" finds someone who put down "zh".
    const mei = person('Mei', { languages: ['zh'] });
    expect(who(bestFit({ skill: 'law', language: 'zh-Hans' }, [early, mei]))).toBe('Mei');
  });

  it('matches a language by its primary subtag, either way round', () => {
    const ana = person('Ana', { languages: ['pt-BR'] });
    expect(bestFit({ skill: 'x', language: 'pt' }, [ana])?.language).toBe(true);
    expect(bestFit({ skill: 'x', language: 'PT-pt' }, [ana])?.language).toBe(true);
    expect(bestFit({ skill: 'x', language: 'es' }, [ana])?.language).toBe(false);
    expect(bestFit({ skill: 'x' }, [ana])?.language).toBe(false);
  });
});
