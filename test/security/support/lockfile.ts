import { type AffectedRange, isAffected } from './semver.js';

/** The parts of an npm v3 lock file this module reads. */
export interface LockFile {
  packages: Record<
    string,
    {
      version?: string;
      link?: boolean;
      resolved?: string;
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
    }
  >;
}

/** One row of `security/advisories.json`. */
export interface Advisory {
  package: string;
  ids: string[];
  summary: string;
  affected: AffectedRange[];
}

/** An installed copy of a package: where it sits in `node_modules` and its version. */
export interface Installed {
  name: string;
  version: string;
  path: string;
}

/** The lock entry Node's resolution picks for `name` required from the package at `from`. */
function resolve(lock: LockFile, from: string, name: string): string | null {
  let base = from;
  for (;;) {
    const candidate = `${base === '' ? '' : `${base}/`}node_modules/${name}`;
    if (lock.packages[candidate] !== undefined) return candidate;
    if (base === '') return null;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent < 0 ? '' : base.slice(0, parent);
  }
}

/**
 * Every package installed for the given workspaces at run time: their `dependencies` and
 * `optionalDependencies`, transitively, resolved the way Node resolves them (nested
 * `node_modules` first), following workspace links. Development dependencies are left out.
 *
 * @example
 * runtimeClosure(lock, ['packages/server', 'packages/protocol']);
 */
export function runtimeClosure(lock: LockFile, roots: readonly string[]): Installed[] {
  const seen = new Set<string>();
  const queue = [...roots];
  const out: Installed[] = [];
  while (queue.length > 0) {
    const at = queue.pop() as string;
    const entry = lock.packages[at];
    if (entry === undefined) continue;
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      let path = resolve(lock, at, name);
      if (path === null) continue;
      const target = lock.packages[path];
      if (target?.link === true && target.resolved !== undefined) path = target.resolved;
      if (seen.has(path)) continue;
      seen.add(path);
      queue.push(path);
      const version = lock.packages[path]?.version;
      if (version !== undefined && path.includes('node_modules/'))
        out.push({ name, version, path });
    }
  }
  return out;
}

/** Every installed copy that sits in an affected range of an advisory, with the advisory. */
export function vulnerable(
  installed: readonly Installed[],
  advisories: readonly Advisory[],
): { installed: Installed; advisory: Advisory }[] {
  return installed.flatMap((copy) =>
    advisories
      .filter((a) => a.package === copy.name && isAffected(copy.version, a.affected))
      .map((advisory) => ({ installed: copy, advisory })),
  );
}
