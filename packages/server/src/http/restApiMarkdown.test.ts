import { readFileSync } from 'node:fs';
import { restRoutes } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openApiDocument.js';
import { REST_API_DOC_SERVER, restApiMarkdown } from './restApiMarkdown.js';

/** Express `:name` path segments, which the OpenAPI document writes `{name}`. */
const PATH_PARAMETER = /:([A-Za-z]+)/g;
const DOC = new URL('../../../../docs/rest-api.md', import.meta.url);

describe('docs/rest-api.md', () => {
  const rendered = restApiMarkdown(openApiDocument(REST_API_DOC_SERVER));

  it('is what the OpenAPI document renders to (regenerate with `npm run docs:rest-api`)', () => {
    const committed = readFileSync(DOC, 'utf8');
    const committedLines = committed.split('\n');
    const renderedLines = rendered.split('\n');
    const firstDifference = renderedLines.findIndex((line, i) => line !== committedLines[i]);
    expect(
      committed === rendered,
      `docs/rest-api.md is stale from line ${firstDifference + 1} ("${committedLines[firstDifference] ?? ''}" should be "${renderedLines[firstDifference] ?? ''}"). Regenerate it: npm run docs:rest-api`,
    ).toBe(true);
  });

  it('has a section for every route, with its body and success response fields', () => {
    for (const route of Object.values(restRoutes)) {
      const path = route.path.replace(PATH_PARAMETER, '{$1}');
      expect(rendered).toContain(`## \`${route.method} ${path}\``);
    }
    const create = rendered.split('## `POST /v1/handoffs`')[1]?.split('\n## ')[0] ?? '';
    expect(create).toContain('| `thread[].postedAt` | string | yes |');
    expect(create).toContain('**Response 201** (JSON):');
    expect(create).toContain('| `suggestedReply` | string | yes | 0–1000 characters |');
  });
});
