// The client takes only types from src/shared/schemas.ts (`import type`): TypeBox and the
// server's schemas are no part of any screen's download. One value import (a constant, say)
// would bring them all along, as the admin password's minimum once did (+47 KB in the admin
// screens). Reads dist/client, which `npm test` builds first.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ASSETS = join(
  resolve(dirname(fileURLToPath(import.meta.url)), '../..'),
  'dist/client/assets',
);

describe('the built client', () => {
  it('carries no TypeBox in any of its files', () => {
    expect(existsSync(ASSETS), 'dist/client is missing: run `npm run build:client`').toBe(true);
    const scripts = readdirSync(ASSETS).filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    // TypeBox marks every schema with these registered symbols; minifying keeps the strings.
    const carrying = scripts.filter((file) =>
      /TypeBox\.Kind/.test(readFileSync(join(ASSETS, file), 'utf8')),
    );
    expect(carrying).toEqual([]);
  });
});
