#!/usr/bin/env node
// `npm run docs:rest-api`: writes docs/rest-api.md from the OpenAPI document the server serves at
// /v1/openapi.json, using the built server (the npm script builds it first). The server's test
// `restApiMarkdown.test.ts` fails when the committed file differs from this output.
import { writeFileSync } from 'node:fs';

const dist = new URL('../packages/server/dist/http/', import.meta.url);
const { openApiDocument } = await import(new URL('openApiDocument.js', dist).href);
const { restApiMarkdown, REST_API_DOC_SERVER } = await import(
  new URL('restApiMarkdown.js', dist).href
);
const target = new URL('../docs/rest-api.md', import.meta.url);
writeFileSync(target, restApiMarkdown(openApiDocument(REST_API_DOC_SERVER)));
process.stdout.write('Wrote docs/rest-api.md\n');
