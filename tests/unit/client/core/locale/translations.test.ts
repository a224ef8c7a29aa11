// Issue 13: every word a patron can see (the kiosk, the follow page, the feedback questions) is
// said in each language Rove ships. lit-localize reads the real source (every msg() reachable from
// the patron's screens) into copies of xliff/, adding any message the XLIFF lacks; each of them
// must have a translation in each shipped language. And the modules the screens load
// (src/client/core/locale/generated) must be what `npm run localize:build` makes of xliff/.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../..');
const CLI = join(ROOT, 'node_modules', '.bin', 'lit-localize');
const config = JSON.parse(readFileSync(join(ROOT, 'lit-localize.json'), 'utf8')) as {
  sourceLocale: string;
  targetLocales: string[];
};

/**
 * What a patron can see: the kiosk's screen, the follow page, and the app's connection banner
 * over the kiosk. Each file brings what it imports (lit-localize reads the whole program).
 */
const PATRON_FILES = [
  'src/client/features/kiosk/rove-kiosk-view.ts',
  'src/client/follow.ts',
  'src/client/app/rove-connection-banner.ts',
];

const work = mkdtempSync(join(tmpdir(), 'rove-locale-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs lit-localize `command` with the project's config, changed by `override`. */
function litLocalize(command: 'extract' | 'build', override: Record<string, unknown>) {
  const file = join(work, `${command}.json`);
  const base = JSON.parse(readFileSync(join(ROOT, 'lit-localize.json'), 'utf8'));
  // Paths in a config are read from its own folder: give them whole.
  const paths = {
    tsConfig: join(ROOT, 'tsconfig.json'),
    inputFiles: (base.inputFiles as string[]).map((glob) => join(ROOT, glob)),
    interchange: { ...base.interchange, xliffDir: join(ROOT, base.interchange.xliffDir) },
  };
  writeFileSync(file, JSON.stringify({ ...base, ...paths, ...override }));
  execFileSync(CLI, [command, '--config', file], { cwd: ROOT, stdio: 'pipe' });
}

interface Unit {
  id: string;
  source: string;
  target?: string;
}

function unitsOf(xliff: string): Unit[] {
  const units: Unit[] = [];
  for (const m of xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)) {
    const body = m[2]!;
    const source = /<source>([\s\S]*?)<\/source>/.exec(body)?.[1] ?? '';
    const target = /<target>([\s\S]*?)<\/target>/.exec(body)?.[1];
    units.push({ id: m[1]!, source, target });
  }
  return units;
}

describe('the patron’s words in every shipped language', () => {
  it('ships English as the source and Spanish, Simplified Chinese and Arabic', () => {
    expect(config.sourceLocale).toBe('en');
    expect([...config.targetLocales].sort()).toEqual(['ar', 'es', 'zh-Hans']);
  });

  it('has a translation of every kiosk and follow-page string', { timeout: 180_000 }, () => {
    const xliffDir = join(work, 'patron-xliff');
    cpSync(join(ROOT, 'xliff'), xliffDir, { recursive: true });
    litLocalize('extract', {
      inputFiles: PATRON_FILES.map((f) => join(ROOT, f)),
      interchange: { format: 'xliff', xliffDir },
    });
    for (const locale of config.targetLocales) {
      const units = unitsOf(readFileSync(join(xliffDir, `${locale}.xlf`), 'utf8'));
      // The kiosk's own words are among them (the reading found the screens at all).
      expect(units.map((u) => u.source)).toContain('Ask me');
      expect(units.map((u) => u.source)).toContain('How well did we do?');
      const untranslated = units.filter((u) => !u.target?.trim()).map((u) => u.source);
      expect(untranslated, `strings with no ${locale} translation`).toEqual([]);
    }
  });

  it(
    'loads what xliff/ says: the generated modules are built from it',
    { timeout: 180_000 },
    () => {
      const outputDir = join(work, 'generated');
      litLocalize('build', {
        output: {
          mode: 'runtime',
          outputDir,
          localeCodesModule: join(outputDir, 'locale-codes.ts'),
        },
      });
      const committed = join(ROOT, 'src', 'client', 'core', 'locale', 'generated');
      const built = readdirSync(outputDir).sort();
      expect(readdirSync(committed).sort()).toEqual(built);
      for (const file of built) {
        expect(
          readFileSync(join(committed, file), 'utf8'),
          `${file} is out of date: run npm run localize:build`,
        ).toBe(readFileSync(join(outputDir, file), 'utf8'));
      }
    },
  );
});
