/** A piece of JSON text already decided, on the serializer's stack. */
class Text {
  constructor(readonly text: string) {}
}

/**
 * `JSON.stringify` without recursion, for the protocol harness's 10,000-deep values, which
 * overflow the built-in serializer's stack in the test process before they reach the server.
 * Same output as `JSON.stringify` for plain JSON data (own enumerable keys, `undefined` dropped).
 *
 * @example
 * stringifyDeep(hostile.input); // '[{"a":[{"a":…}]}]'
 */
export function stringifyDeep(value: unknown): string {
  const out: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item instanceof Text) {
      out.push(item.text);
    } else if (Array.isArray(item)) {
      out.push('[');
      stack.push(new Text(']'));
      for (let i = item.length - 1; i >= 0; i -= 1) {
        stack.push(item[i] === undefined ? null : item[i]);
        if (i > 0) stack.push(new Text(','));
      }
    } else if (item !== null && typeof item === 'object') {
      out.push('{');
      stack.push(new Text('}'));
      const entries = Object.entries(item).filter(([, v]) => v !== undefined);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i] as [string, unknown];
        stack.push(child);
        stack.push(new Text(`${JSON.stringify(key)}:`));
        if (i > 0) stack.push(new Text(','));
      }
    } else {
      out.push(JSON.stringify(item) ?? 'null');
    }
  }
  return out.join('');
}
