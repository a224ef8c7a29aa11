// Rove's colours are defined once, in src/client/ui/tokens.ts: no other client file spells a
// colour out (issue 10), so a change of palette, or a contrast fix, happens in one place.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLIENT = join(process.cwd(), 'src', 'client');
const TOKENS = join(CLIENT, 'ui', 'tokens.ts');
const RAW_COLOUR = /#[0-9a-f]{3,8}\b|\brgba?\(|\bhsla?\(/i;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('design tokens', () => {
  it('no client file but ui/tokens.ts spells a colour out', () => {
    const offenders = files(CLIENT)
      .filter((path) => path !== TOKENS)
      .flatMap((path) =>
        readFileSync(path, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${relative(CLIENT, path)}:${i + 1}` }))
          .filter(({ line }) => RAW_COLOUR.test(line))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  it('the token file does define colours (the check above has something to guard)', () => {
    expect(readFileSync(TOKENS, 'utf8')).toMatch(RAW_COLOUR);
  });

  it('the few copies read before any script (page.css, theme colour, manifest) match the tokens', () => {
    const tokens = readFileSync(TOKENS, 'utf8');
    const token = (name: string) => new RegExp(`\\n  ${name}: '([^']+)'`).exec(tokens)![1]!;
    const root = process.cwd();
    const pageCss = readFileSync(join(CLIENT, 'page.css'), 'utf8');
    expect(pageCss).toContain(`background: ${token('paper')};`);
    expect(pageCss).toContain(`color: ${token('ink')};`);
    const indexHtml = readFileSync(join(root, 'index.html'), 'utf8');
    expect(indexHtml).toContain(`name="theme-color" content="${token('primary')}"`);
    const manifest = JSON.parse(readFileSync(join(root, 'public', 'manifest.webmanifest'), 'utf8'));
    expect(manifest).toMatchObject({
      theme_color: token('primary'),
      background_color: token('paper'),
    });
  });
});
