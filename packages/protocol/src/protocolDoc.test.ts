import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODE_LIST } from './errors.js';
import { agentPushes, agentRequests } from './events/agent.js';
import { customerPushes, customerRequests } from './events/customer.js';
import { restRoutes } from './rest/routes.js';

// docs/protocol.md is the reference integrators read; it must name everything the code declares.
const doc = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');

/** The rows of the Markdown table under `heading`, keyed by their first cell. */
function tableKeys(heading: string): string[] {
  const section = doc.split(`## ${heading}\n`)[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(/^\| `([^`]+)`/gm)].map((match) => match[1]!);
}

describe('docs/protocol.md', () => {
  it.each([
    ['`/customer`: what the widget sends', Object.keys(customerRequests)],
    ['`/customer`: what the server pushes', Object.keys(customerPushes)],
    ['`/agent`: what the console sends', Object.keys(agentRequests)],
    ['`/agent`: what the server pushes', Object.keys(agentPushes)],
    ['Error codes', ERROR_CODE_LIST],
  ])('documents every entry of "%s", and nothing that does not exist', (heading, names) => {
    expect(tableKeys(heading).sort()).toEqual([...names].sort());
  });

  it('documents every REST route', () => {
    for (const route of Object.values(restRoutes)) {
      expect(doc, `${route.method} ${route.path}`).toContain(`\`${route.method} ${route.path}\``);
    }
  });
});
