// Finding scripts by what a greeter types, and the topic filter.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  searchScripts,
  topicGuide,
} from '../../../../../src/client/features/scripts/script-search.js';
import { STARTER_SCRIPTS } from '../../../../../src/server/seed/scripts.js';

const ids = (list: readonly { id: string }[]) => list.map((s) => s.id);

describe('searchScripts', () => {
  it('finds the welcome script by a word of its title, first', () => {
    const found = searchScripts(STARTER_SCRIPTS, 'welcome');
    expect(found[0]?.id).toBe('welcome-at-the-door');
  });

  it('matches tags, step text and phrases, ignoring case and accents', () => {
    expect(ids(searchScripts(STARTER_SCRIPTS, 'GENEALOGY'))).toEqual(['local-history']);
    expect(ids(searchScripts(STARTER_SCRIPTS, 'release station'))).toEqual([
      'technology-and-printing',
    ]);
    expect(ids(searchScripts(STARTER_SCRIPTS, 'hearing loop'))).toEqual(['accessibility']);
    const accented = [{ ...STARTER_SCRIPTS[0]!, id: 'cv', title: 'Un résumé' }];
    expect(ids(searchScripts(accented, 'resume'))).toEqual(['cv']);
  });

  it('needs every word, in any order', () => {
    expect(ids(searchScripts(STARTER_SCRIPTS, 'hold ebook'))).toEqual(['finding-a-book']);
    expect(searchScripts(STARTER_SCRIPTS, 'ebook zeppelin')).toEqual([]);
  });

  it('lists everything by title for an empty search, and filters by topic', () => {
    const all = searchScripts(STARTER_SCRIPTS, '   ');
    expect(all).toHaveLength(STARTER_SCRIPTS.length);
    expect(ids(all)).toEqual(
      ids([...STARTER_SCRIPTS].sort((a, b) => a.title.localeCompare(b.title))),
    );
    expect(ids(searchScripts(STARTER_SCRIPTS, '', 'tech')).sort()).toEqual([
      'levels-printing',
      'technology-and-printing',
    ]);
    expect(ids(searchScripts(STARTER_SCRIPTS, 'print', 'books'))).toEqual([]);
  });

  // Issue 15: a page's first localeCompare builds a collator, one long task on a cheap tablet
  // while Scripts loads. Folded titles give the same order without it.
  describe('sorting by title', () => {
    afterEach(() => vi.restoreAllMocks());
    const titled = (...titles: string[]) =>
      titles.map((title, i) => ({ ...STARTER_SCRIPTS[0]!, id: `s${i}`, title }));

    it('ignores case and accents, and calls no collator', () => {
      const compare = vi.spyOn(String.prototype, 'localeCompare');
      const found = searchScripts(titled('zebra', 'Émile', 'apple', 'Zoo', 'eagle'), '');
      expect(found.map((s) => s.title)).toEqual(['apple', 'eagle', 'Émile', 'zebra', 'Zoo']);
      searchScripts(STARTER_SCRIPTS, 'printing');
      expect(compare).not.toHaveBeenCalled();
    });

    it('orders equal folded titles the same way every time', () => {
      const found = searchScripts(titled('Résumé', 'resume', 'Resume'), '');
      expect(found.map((s) => s.title)).toEqual(['Resume', 'Résumé', 'resume']);
    });
  });

  it('puts title and tag matches before matches deep in the steps', () => {
    const found = ids(searchScripts(STARTER_SCRIPTS, 'printing'));
    expect(found.slice(0, 2).sort()).toEqual(['levels-printing', 'technology-and-printing']);
  });
});

describe('topicGuide', () => {
  it("opens a topic's own script, and nothing when there is none or several", () => {
    expect(topicGuide(STARTER_SCRIPTS, 'tech')?.id).toBe('technology-and-printing');
    expect(topicGuide(STARTER_SCRIPTS, 'nope')).toBeUndefined();
    const twice = [...STARTER_SCRIPTS, { ...STARTER_SCRIPTS[7]!, id: 'books-2' }];
    expect(topicGuide(twice, 'books')).toBeUndefined();
  });
});
