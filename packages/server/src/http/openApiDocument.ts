import {
  ERROR_CODE_LIST,
  ErrorBody,
  PROTOCOL_VERSION,
  type RouteSpec,
  restRoutes,
} from '@parley/protocol';
import { toJsonSchema } from '@valibot/to-json-schema';
import type { GenericSchema } from 'valibot';

/** JSON Schema of a protocol schema; custom checks (`v.check`) have no JSON Schema form and are skipped. */
function jsonSchema(schema: GenericSchema): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = toJsonSchema(schema, { errorMode: 'ignore' }) as Record<
    string,
    unknown
  >;
  return rest;
}

/** Express `:name` segments as OpenAPI `{name}` templates. */
const PATH_PARAMETER = /:([A-Za-z]+)/g;

function operation(name: string, spec: RouteSpec) {
  const parameters = [...spec.path.matchAll(PATH_PARAMETER)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  if (spec.query !== undefined) {
    const query = jsonSchema(spec.query) as { properties?: Record<string, unknown> };
    for (const [key, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({
        name: key,
        in: 'query',
        required: false,
        schema: schema as { type: string },
      });
    }
  }
  const security = spec.auth.includes('public') ? [] : [{ bearer: [] }];
  return {
    operationId: name,
    summary: spec.summary,
    description: `Allowed: ${spec.auth.join(', ')}.`,
    security,
    parameters,
    ...(spec.body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(spec.body) } },
          },
        }),
    responses: {
      [String(spec.status ?? 200)]: {
        description: 'Success',
        content: { 'application/json': { schema: jsonSchema(spec.response) } },
      },
      default: {
        description: `An error: one of ${ERROR_CODE_LIST.join(', ')}`,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
      },
    },
  };
}

let cached: Record<string, unknown> | undefined;

/**
 * The OpenAPI 3.1 description of the REST API, built from the protocol's route table and schemas
 * (so it cannot drift from what the server validates). Served at `/v1/openapi.json`.
 *
 * @example
 * openApiDocument('https://chat.bank.example').paths['/v1/handoffs'];
 */
export function openApiDocument(serverUrl: string): Record<string, unknown> {
  if (cached === undefined) {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const [name, spec] of Object.entries(restRoutes) as [string, RouteSpec][]) {
      const path = spec.path.replace(PATH_PARAMETER, '{$1}');
      paths[path] = { ...paths[path], [spec.method.toLowerCase()]: operation(name, spec) };
    }
    cached = {
      openapi: '3.1.0',
      info: { title: 'Parley REST API', version: PROTOCOL_VERSION },
      paths,
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT or psk_ service key' },
        },
        schemas: { ErrorBody: jsonSchema(ErrorBody) },
      },
    };
  }
  return { ...cached, servers: [{ url: serverUrl }] };
}
