// Issue 10: code and tests cite docs/API.md, the full reference in this repository, and never a
// document outside it (the team's shared notes are not in a clone). A citation names a section
// that exists, so a reader who follows it lands somewhere: `docs/API.md, "Paging"` names a
// heading of docs/API.md or the bold lead-in of one of its paragraphs (`**Paging.**`); the
// README and the bench README are held to the same.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Tracked text files of the repository, minus the lock file (no comments in it). */
const FILES = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !/\.(png|svg|ico|woff2?|jpg|webp)$/.test(f) && f !== 'package-lock.json');

/** A document outside the repository, by name: the team's shared notes. */
const OUTSIDE =
  /\b(?:PROTOCOL|DESIGN|SERVICE|STYLE)\.md\b|\bPROTOCOL v[12]\b|\.\.\/shared\/\w+\.md/;

/**
 * A citation: `docs/API.md, "Paging"`, `README, "Languages"`, `tests/bench/README.md "Soak"`.
 * Its section name may run over a line break of a comment.
 */
const CITATION = /(docs\/API\.md|(?:tests\/bench\/|bench )?README(?:\.md)?)[,:]?\s+"([^"]+)"/g;

/** The document a citation in `file` means: a bare README in tests/bench/ is the bench's. */
function docOf(file: string, cited: string): string {
  if (cited === 'docs/API.md') return cited;
  if (cited.startsWith('tests/bench/') || cited.startsWith('bench '))
    return 'tests/bench/README.md';
  return file.startsWith('tests/bench/') ? 'tests/bench/README.md' : 'README.md';
}

/** A section name as cited, with a comment's line break and its marker made one space. */
const oneLine = (name: string) => name.replace(/\s*\n\s*(?:\/\/|\*|--)?\s*/g, ' ');

/** Headings (without their #s) and bold lead-ins (`**Paging.**` gives "Paging") of `doc`. */
function sectionsOf(doc: string): string[] {
  const text = readFileSync(join(ROOT, doc), 'utf8');
  const headings = [...text.matchAll(/^#{1,6}\s+(.+?)\s*$/gm)].map((m) => m[1]!);
  const leads = [...text.matchAll(/^\*\*([^*]+?)[.:]?\*\*/gm)].map((m) => m[1]!);
  return [...headings, ...leads];
}

/** Whether `cited` names one of `sections`: the whole of it, or its part before a colon. */
function names(sections: readonly string[], cited: string): boolean {
  return sections.some((s) => s === cited || s.split(':')[0] === cited);
}

describe('citations', () => {
  it('never point at a document outside the repository', () => {
    const found: string[] = [];
    for (const file of FILES) {
      if (file === 'tests/unit/docs-citations.test.ts') continue;
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (OUTSIDE.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found, found.join('\n')).toEqual([]);
  });

  it('name sections that exist in the document they cite', () => {
    const sections = new Map<string, string[]>();
    const dangling: string[] = [];
    let cited = 0;
    for (const file of FILES) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const m of text.matchAll(CITATION)) {
        const doc = docOf(file, m[1]!);
        const name = oneLine(m[2]!);
        if (!sections.has(doc)) sections.set(doc, sectionsOf(doc));
        cited++;
        if (!names(sections.get(doc)!, name)) dangling.push(`${file}: ${doc} "${name}"`);
      }
    }
    expect(cited).toBeGreaterThan(50);
    expect(dangling, dangling.join('\n')).toEqual([]);
  });
});
