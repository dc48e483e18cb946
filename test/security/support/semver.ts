/**
 * `MAJOR.MINOR.PATCH`, an optional pre-release and an optional build (https://semver.org/ §2, §9,
 * §10). Linear: each part is one character class, no nested quantifiers.
 */
const SEMVER_REGEX = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;
const NUMERIC_REGEX = /^\d+$/;

interface Parsed {
  core: [number, number, number];
  pre: string[];
}

function parse(version: string): Parsed {
  if (version === '0') return { core: [0, 0, 0], pre: [] };
  const match = SEMVER_REGEX.exec(version);
  if (match === null) throw new Error(`not a semantic version: ${JSON.stringify(version)}`);
  return {
    core: [Number(match[1]), Number(match[2]), Number(match[3])],
    pre: match[4] === undefined ? [] : match[4].split('.'),
  };
}

/** semver §11.4: numeric identifiers compare numerically and sort before alphanumeric ones. */
function compareIdentifiers(a: string, b: string): number {
  const an = NUMERIC_REGEX.test(a);
  const bn = NUMERIC_REGEX.test(b);
  if (an && bn) return Math.sign(Number(a) - Number(b));
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Compares two semantic versions by precedence (semver §11): -1, 0 or 1. Build metadata is
 * ignored; a pre-release sorts before its release. `'0'` stands for "the very first version", as
 * in OSV ranges.
 *
 * @example
 * compareVersions('5.0.0-beta.3', '5.0.0'); // -1
 */
export function compareVersions(left: string, right: string): number {
  const a = parse(left);
  const b = parse(right);
  for (let i = 0; i < 3; i += 1) {
    const d = Math.sign((a.core[i] ?? 0) - (b.core[i] ?? 0));
    if (d !== 0) return d;
  }
  if (a.pre.length === 0 || b.pre.length === 0) return Math.sign(b.pre.length - a.pre.length);
  for (let i = 0; i < Math.max(a.pre.length, b.pre.length); i += 1) {
    const x = a.pre[i];
    const y = b.pre[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const d = compareIdentifiers(x, y);
    if (d !== 0) return d;
  }
  return 0;
}

/** One affected branch of an advisory: `introduced <= version < fixed`. */
export interface AffectedRange {
  introduced: string;
  fixed: string;
}

/** Whether `version` falls in any of the ranges. */
export function isAffected(version: string, ranges: readonly AffectedRange[]): boolean {
  return ranges.some(
    (r) => compareVersions(version, r.introduced) >= 0 && compareVersions(version, r.fixed) < 0,
  );
}
