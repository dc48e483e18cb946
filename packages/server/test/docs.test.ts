import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../src/config/index.js';

const deployment = readFileSync(new URL('../../../docs/deployment.md', import.meta.url), 'utf8');

describe('docs/deployment.md', () => {
  it('documents every variable the server reads, with its default', () => {
    for (const variable of CONFIG_VARIABLES) {
      expect(deployment, variable.name).toContain(`| \`${variable.name}\` |`);
    }
  });
});
