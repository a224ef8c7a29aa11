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
  inputFiles: string[];
};

/**
 * What a patron can see: lit-localize.json's inputFiles are the kiosk's screen, the follow page
 * and the app's connection banner over the kiosk, and lit-localize reads each with all it
 * imports (the kiosk's lazy steps too). The staff and admin screens' msg() strings are left out
 * of xliff/ until a library translates them (README, "Languages").
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
    expect(config.inputFiles).toEqual(PATRON_FILES);
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
      // The kiosk's own words are among them, its lazily loaded steps' too.
      const sources = units.map((u) => u.source);
      for (const words of ['Ask me', 'What can we help you with?', 'Send', 'How well did we do?'])
        expect(sources).toContain(words);
      const untranslated = units.filter((u) => !u.target?.trim()).map((u) => u.source);
      expect(untranslated, `strings with no ${locale} translation`).toEqual([]);
    }
  });

  it('can read every msg() of the app, staff and admin screens too', { timeout: 180_000 }, () => {
    // What a library that translates the staff screens runs: extract over all of src/client.
    const xliffDir = join(work, 'all-xliff');
    litLocalize('extract', {
      inputFiles: [join(ROOT, 'src/client/**/*.ts')],
      interchange: { format: 'xliff', xliffDir },
    });
    const units = unitsOf(readFileSync(join(xliffDir, 'es.xlf'), 'utf8'));
    expect(units.map((u) => u.source)).toContain('Who is signing in?');
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
