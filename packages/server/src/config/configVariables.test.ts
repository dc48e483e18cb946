import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from './configVariables.js';

const VARIABLE_REGEX = /'((?:PARLEY_|DATABASE_URL|REDIS_URL)[A-Z0-9_]*)'/g;

describe('CONFIG_VARIABLES', () => {
  it('documents each variable once, with a default and a description', () => {
    const names = CONFIG_VARIABLES.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    for (const v of CONFIG_VARIABLES) {
      expect(v.default, v.name).not.toBe('');
      expect(v.description.length, v.name).toBeGreaterThan(20);
    }
  });

  it('lists every variable named in the config sources', () => {
    const dir = new URL('.', import.meta.url);
    const documented = new Set<string>(CONFIG_VARIABLES.map((v) => v.name));
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const named = sources.flatMap((file) =>
      [...readFileSync(new URL(file, dir), 'utf8').matchAll(VARIABLE_REGEX)].map((m) => m[1]),
    );
    expect(named.length).toBeGreaterThan(30);
    expect(named.filter((name) => name !== undefined && !documented.has(name))).toEqual([]);
  });
});
