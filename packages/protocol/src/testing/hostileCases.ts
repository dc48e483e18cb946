import type { GenericSchema } from 'valibot';

/**
 * The table-driven hostile-input harness. Given a schema and one valid sample of it, it derives
 * inputs an attacker would send: wrong types, missing and extra fields, prototype-polluting keys,
 * a megabyte of text, deep nesting, huge arrays, lone surrogates, control and bidi-override
 * characters, each aimed at one field. The protocol's tests run every case against the schemas;
 * the server's security suite sends the same cases to the live server.
 */

/** One hostile input and the field it attacks. */
export interface HostileCase {
  /** What the case does, e.g. `thread.0.text: 1 MB string`. */
  name: string;
  input: unknown;
  /** The dot path of the attacked field; `''` for the payload as a whole. */
  path: string;
}

/** The introspectable parts of a valibot schema object that the walk needs. */
interface SchemaNode {
  type: string;
  wrapped?: SchemaNode;
  entries?: Record<string, SchemaNode>;
  item?: SchemaNode;
  key?: string;
  options?: SchemaNode[];
  literal?: unknown;
}

const ONE_MEGABYTE = 'a'.repeat(1024 * 1024);
const NESTING_DEPTH = 10_000;
const HUGE_ARRAY_LENGTH = 100_000;
/** Keys that pollute `Object.prototype` when a naive merge copies them. */
const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
/** Strings a schema must refuse in any text field, and why. */
const HOSTILE_STRING_SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['lone high surrogate', '\uD800'],
  ['lone low surrogate', '\uDC00'],
  ['NUL control character', '\u0000'],
  ['BEL control character', '\u0007'],
  ['right-to-left override', '\u202E'],
  ['first-strong isolate', '\u2068'],
];

/** A value nested `depth` levels deep, built without recursion. */
function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

/** A value of a different JSON type than `value`. */
function wrongTypeFor(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return '1';
  if (typeof value === 'boolean') return 'true';
  if (Array.isArray(value)) return { 0: value[0] };
  if (value === null) return 7;
  return [value];
}

function unwrap(node: SchemaNode): SchemaNode {
  let current = node;
  while (current.wrapped !== undefined) current = current.wrapped;
  return current;
}

function isOptional(node: SchemaNode): boolean {
  return node.type === 'optional' || node.type === 'exact_optional' || node.type === 'nullish';
}

function join(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}

/** A deep copy of `sample` with the value at `path` replaced (or removed with `remove`). */
function withChange(
  sample: unknown,
  path: readonly (string | number)[],
  next: unknown,
  remove = false,
): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(sample));
  let target = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) delete target[last];
  else target[last] = next;
  return copy;
}

/** Adds `key` as an own property of the object at `path`, the way `JSON.parse` makes `__proto__` one. */
function withOwnKey(sample: unknown, path: readonly (string | number)[], key: string): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(sample));
  let target = copy as Record<string | number, unknown>;
  for (const step of path) target = target[step] as Record<string | number, unknown>;
  // An object literal's `__proto__` sets the prototype; JSON.parse creates an own data property,
  // which is what arrives over the wire.
  const injected = JSON.parse(`{"${key}":{"polluted":true}}`) as Record<string, unknown>;
  Object.defineProperty(target, key, {
    value: injected[key],
    enumerable: true,
    configurable: true,
    writable: true,
  });
  return copy;
}

function walk(
  node: SchemaNode,
  root: unknown,
  value: unknown,
  path: readonly (string | number)[],
  out: HostileCase[],
): void {
  const schema = unwrap(node);
  const dot = path.join('.');
  if (typeof value === 'string') {
    out.push({
      name: `${dot}: 1 MB string`,
      input: withChange(root, path, ONE_MEGABYTE),
      path: dot,
    });
    for (const [what, suffix] of HOSTILE_STRING_SUFFIXES) {
      out.push({
        name: `${dot}: ${what}`,
        input: withChange(root, path, `${value}${suffix}`),
        path: dot,
      });
    }
    return;
  }
  if (schema.type === 'variant' && schema.options !== undefined && schema.key !== undefined) {
    const discriminator = (value as Record<string, unknown>)[schema.key];
    const option = schema.options.find((o) => o.entries?.[schema.key!]?.literal === discriminator);
    if (option !== undefined) walk(option, root, value, path, out);
    return;
  }
  if (schema.type === 'array' && Array.isArray(value) && schema.item !== undefined) {
    const huge = new Array<unknown>(HUGE_ARRAY_LENGTH).fill(value[0] ?? null);
    out.push({
      name: `${dot}: ${HUGE_ARRAY_LENGTH} items`,
      input: withChange(root, path, huge),
      path: dot,
    });
    value.slice(0, 2).forEach((item, index) => {
      const itemPath = [...path, index];
      out.push({
        name: `${join(dot, index)}: wrong type`,
        input: withChange(root, itemPath, wrongTypeFor(item)),
        path: join(dot, index),
      });
      walk(schema.item!, root, item, itemPath, out);
    });
    return;
  }
  if (schema.entries !== undefined && value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const [key, entry] of Object.entries(schema.entries)) {
      const fieldPath = [...path, key];
      const fieldDot = join(dot, key);
      if (!isOptional(entry) && key in record) {
        out.push({
          name: `${fieldDot}: missing`,
          input: withChange(root, fieldPath, undefined, true),
          path: fieldDot,
        });
      }
      if (!(key in record)) continue;
      out.push({
        name: `${fieldDot}: wrong type`,
        input: withChange(root, fieldPath, wrongTypeFor(record[key])),
        path: fieldDot,
      });
      out.push({
        name: `${fieldDot}: deep nesting`,
        input: withChange(root, fieldPath, deeplyNested(NESTING_DEPTH)),
        path: fieldDot,
      });
      walk(entry, root, record[key], fieldPath, out);
    }
    out.push({
      name: `${join(dot, 'unexpected')}: extra field`,
      input: withChange(root, [...path, 'unexpected'], 'x'),
      path: join(dot, 'unexpected'),
    });
    for (const key of POLLUTING_KEYS) {
      out.push({
        name: `${join(dot, key)}: own key`,
        input: withOwnKey(root, path, key),
        path: join(dot, key),
      });
    }
  }
}

/**
 * Every hostile variant of `valid` for `schema`: the whole-payload attacks first, then those
 * aimed at each field.
 *
 * @example
 * for (const c of hostileCases(SendMessage, { conversationId, clientMsgId, text: 'hi' })) {
 *   expect(validate(SendMessage, c.input)).toMatchObject({ ok: false });
 * }
 */
export function hostileCases(schema: GenericSchema, valid: unknown): HostileCase[] {
  const out: HostileCase[] = [
    { name: 'null payload', input: null, path: '' },
    { name: 'number payload', input: 42, path: '' },
    { name: 'string payload', input: ONE_MEGABYTE, path: '' },
    { name: 'array payload', input: [valid], path: '' },
    { name: 'deeply nested payload', input: deeplyNested(NESTING_DEPTH), path: '' },
  ];
  walk(schema as unknown as SchemaNode, valid, valid, [], out);
  return out;
}
