/**
 * Renders the OpenAPI document (`openApiDocument`) as `docs/rest-api.md`, so the reference a
 * bank's developers read is the same document the server serves and validates against. The
 * server's test fails when the committed file differs from what this renders; regenerate it with
 * `npm run docs:rest-api`.
 */

import { ERROR_CODE_LIST } from '@parley/protocol';

/** The server address the committed reference shows. */
export const REST_API_DOC_SERVER = 'https://chat.bank.example';

/** The parts of a JSON Schema the protocol's schemas produce. */
interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
}

interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: JsonSchema;
}

interface Operation {
  operationId: string;
  summary: string;
  description: string;
  security: unknown[];
  parameters: Parameter[];
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
  responses: Record<
    string,
    { description: string; content: { 'application/json': { schema: JsonSchema } } }
  >;
}

interface OpenApi {
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

/** A pipe ends a Markdown table cell, even inside a code span. */
const TABLE_PIPE = /\|/g;
/** What GitHub drops from a heading's text when it makes the heading's anchor. */
const ANCHOR_DROPPED = /[^a-z0-9 _-]/g;
const SPACES = / /g;
/** The full stop ending an operation's `Allowed: …` description. */
const FINAL_STOP = /\.$/;

function cell(text: string): string {
  return text.replace(TABLE_PIPE, '\\|');
}

function code(value: unknown): string {
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

/** The non-null member of `nullable(x)`, which valibot renders as `anyOf: [x, { type: 'null' }]`. */
function nullableOf(schema: JsonSchema): JsonSchema | null {
  const members = schema.anyOf ?? schema.oneOf;
  if (members?.length !== 2) return null;
  const other = members.find((member) => member.type !== 'null');
  return members.some((member) => member.type === 'null') && other !== undefined ? other : null;
}

/** The `const` property that tells the members of a union apart, e.g. `state: "waiting"`. */
function discriminator(schema: JsonSchema): string | null {
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (property.const !== undefined) return `${name}=${String(property.const)}`;
  }
  return null;
}

function typeOf(schema: JsonSchema): string {
  if (schema.$ref !== undefined) return schema.$ref.split('/').pop() ?? 'object';
  if (schema.const !== undefined) return code(schema.const);
  if (schema.enum !== undefined) return `one of ${schema.enum.map(code).join(', ')}`;
  const nullable = nullableOf(schema);
  if (nullable !== null) return `${typeOf(nullable)} or null`;
  const members = schema.anyOf ?? schema.oneOf;
  if (members !== undefined) {
    return members
      .map((member) => {
        const tag = discriminator(member);
        return tag === null ? typeOf(member) : `object [${tag}]`;
      })
      .join(' or ');
  }
  if (schema.type === 'array') return `array of ${schema.items ? typeOf(schema.items) : 'any'}`;
  return schema.type ?? 'any';
}

function range(min: number | undefined, max: number | undefined, unit: string): string | null {
  if (min === undefined && max === undefined) return null;
  if (min !== undefined && max !== undefined) return `${min}–${max}${unit}`;
  return min !== undefined ? `≥ ${min}${unit}` : `≤ ${max}${unit}`;
}

function constraints(schema: JsonSchema): string {
  const target = nullableOf(schema) ?? schema;
  const parts = [
    range(target.minLength, target.maxLength, ' characters'),
    range(target.minItems, target.maxItems, ' items'),
    range(target.minimum, target.maximum, ''),
    target.format === undefined ? null : `format ${target.format}`,
    target.pattern === undefined ? null : `pattern ${code(target.pattern)}`,
  ];
  return parts.filter((part) => part !== null).join('; ');
}

interface Row {
  path: string;
  schema: JsonSchema;
  required: boolean;
}

/** Every field of an object schema, nested fields as `a.b`, array items as `a[].b`. */
function rows(schema: JsonSchema, prefix = ''): Row[] {
  const target = nullableOf(schema) ?? schema;
  if (target.type === 'array' && target.items !== undefined)
    return rows(target.items, `${prefix}[]`);
  const members = target.anyOf ?? target.oneOf;
  if (members !== undefined) {
    return members.flatMap((member) => {
      const tag = discriminator(member);
      return rows(member, tag === null ? prefix : `${prefix}[${tag}]`);
    });
  }
  const required = new Set(target.required ?? []);
  return Object.entries(target.properties ?? {}).flatMap(([name, property]) => {
    const path = prefix === '' ? name : `${prefix}.${name}`;
    return [{ path, schema: property, required: required.has(name) }, ...rows(property, path)];
  });
}

function fieldTable(schema: JsonSchema): string[] {
  const fields = rows(schema);
  if (fields.length === 0) return [`${cell(typeOf(schema))}, no fields.`];
  return [
    '| Field | Type | Required | Constraints |',
    '|---|---|---|---|',
    ...fields.map(
      (row) =>
        `| ${cell(code(row.path))} | ${cell(typeOf(row.schema))} | ${row.required ? 'yes' : 'no'} | ${cell(constraints(row.schema))} |`,
    ),
  ];
}

/** GitHub's anchor for a heading made of `METHOD path`. */
function anchor(method: string, path: string): string {
  return `${method} ${path}`.toLowerCase().replace(ANCHOR_DROPPED, '').replace(SPACES, '-');
}

function operationSection(method: string, path: string, op: Operation): string[] {
  const lines = [`## \`${method} ${path}\``, '', op.summary, ''];
  lines.push(
    op.security.length === 0
      ? `${op.description} No token.`
      : `${op.description} \`Authorization: Bearer <token>\`.`,
    '',
  );
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  if (pathParams.length > 0) {
    lines.push(
      '**Path parameters**:',
      '',
      ...pathParams.map((p) => `- ${code(p.name)} (${typeOf(p.schema)}, required)`),
      '',
    );
  }
  if (queryParams.length > 0) {
    lines.push(
      '**Query parameters**:',
      '',
      '| Parameter | Type | Required | Constraints |',
      '|---|---|---|---|',
      ...queryParams.map(
        (p) =>
          `| ${code(p.name)} | ${cell(typeOf(p.schema))} | ${p.required ? 'yes' : 'no'} | ${cell(constraints(p.schema))} |`,
      ),
      '',
    );
  }
  const body = op.requestBody?.content['application/json'].schema;
  if (body !== undefined) lines.push('**Request body** (JSON):', '', ...fieldTable(body), '');
  for (const [status, response] of Object.entries(op.responses)) {
    if (status === 'default') continue;
    lines.push(
      `**Response ${status}** (JSON):`,
      '',
      ...fieldTable(response.content['application/json'].schema),
      '',
    );
  }
  lines.push('**Errors**: [`ErrorBody`](#errors).', '');
  return lines;
}

/**
 * `docs/rest-api.md`, rendered from the OpenAPI document.
 *
 * @example
 * restApiMarkdown(openApiDocument(REST_API_DOC_SERVER)).startsWith('# REST API'); // true
 */
export function restApiMarkdown(document: Record<string, unknown>): string {
  const doc = document as unknown as OpenApi;
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
  const lines = [
    '# REST API',
    '',
    '<!-- Generated from the OpenAPI document by `npm run docs:rest-api`; do not edit by hand. -->',
    '',
    `${doc.info.title} ${doc.info.version}. The server publishes this API as OpenAPI 3.1 at`,
    '`/v1/openapi.json`; this page is rendered from that document, which is built from the',
    "protocol's route table (`packages/protocol/src/rest/routes.ts`), so it cannot drift from what",
    'the server validates. Socket.IO events, payload conventions and limits are in',
    '[protocol.md](protocol.md).',
    '',
    'List every route of a running server:',
    '',
    '```sh runnable',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell default, not a JS template
    'SERVER=${SERVER:-http://localhost:8080}',
    'curl -sS --fail-with-body "$SERVER/v1/openapi.json" |',
    '  node -e \'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(Object.keys(JSON.parse(s).paths).join("\\n")))\'',
    '```',
    '',
    '## Authentication',
    '',
    'Every route names who may call it. Tokens travel in `Authorization: Bearer <token>`, never in a',
    'URL:',
    '',
    "- **agent**, **supervisor**, **compliance**: a staff JWT from the bank's identity provider",
    '  holding that role;',
    "- **service**: a service API key (`psk_…`) for the bank's social-care tool, created with",
    '  `parley-server service-key create <name>`;',
    "- **customer-identity**: the bank's identity token for a signed-in customer;",
    '- **public**: no token.',
    '',
    'Bodies are JSON (`Content-Type: application/json`, at most 64 KB) and strict: an unknown field',
    'is refused. Browsers may call the API only from `PARLEY_ALLOWED_ORIGINS`, without cookies.',
    '',
    '## Routes',
    '',
    '| Route | Allowed | Summary |',
    '|---|---|---|',
    ...operations.map(
      ({ method, path, op }) =>
        `| [\`${method} ${path}\`](#${anchor(method, path)}) | ${op.description.replace('Allowed: ', '').replace(FINAL_STOP, '')} | ${cell(op.summary)} |`,
    ),
    '',
    ...operations.flatMap(({ method, path, op }) => operationSection(method, path, op)),
    '## Errors',
    '',
    'Every error answers with the HTTP status of its code and an `ErrorBody`; `path` names the first',
    'invalid field, `requestId` the line in the server log. The codes, with their meanings in',
    '[protocol.md](protocol.md#error-codes):',
    '',
    ERROR_CODE_LIST.map(code).join(', '),
    '',
    ...fieldTable(doc.components.schemas.ErrorBody ?? {}),
    '',
  ];
  return lines.join('\n');
}
