import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A full collection before each sample, so "memory stays bounded" compares live objects, not
// whatever garbage the last test left; `--expose-gc` cannot be passed to vitest's workers.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The in-process server's live heap after a full collection, in bytes. */
export function liveHeap(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

export const MB = 1024 * 1024;

/** The number of own properties of the prototypes a pollution attack would write to. */
export function prototypeShape(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((proto) => Reflect.ownKeys(proto).length)
    .join(',');
}
