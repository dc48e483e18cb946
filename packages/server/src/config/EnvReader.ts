import type { ConfigProblem } from './ConfigError.js';
import { CONFIG_VARIABLES, type ConfigVariableName } from './configVariables.js';

const SECRET_NAMES: ReadonlySet<string> = new Set(
  CONFIG_VARIABLES.filter((v) => 'secret' in v && v.secret).map((v) => v.name),
);
const QUOTE_MAX = 60;
const DIGITS_REGEX = /^\d{1,10}$/;

/**
 * Reads the environment, only through names of `CONFIG_VARIABLES`, and collects problems instead
 * of throwing at the first, so an operator sees every bad setting at once. An empty value counts
 * as unset (`PARLEY_X=` in a compose file).
 *
 * @example
 * const read = new EnvReader(process.env);
 * const port = read.integer('PARLEY_PORT', { min: 0, max: 65535, fallback: 8080, what: 'a port number' });
 * if (read.problems.length > 0) throw new ConfigError(read.problems);
 */
export class EnvReader {
  readonly problems: ConfigProblem[] = [];

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  /** The trimmed value, or `undefined` when unset or empty. */
  string(name: ConfigVariableName): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  /** Records a problem with `name`. */
  fail(name: ConfigVariableName, message: string): void {
    this.problems.push({ variable: name, message });
  }

  /** The value as an error message may show it: quoted and shortened, or hidden for secrets. */
  quote(name: ConfigVariableName): string {
    const value = this.string(name) ?? '';
    if (SECRET_NAMES.has(name)) return `a value of ${Buffer.byteLength(value)} bytes`;
    const shown = value.length > QUOTE_MAX ? `${value.slice(0, QUOTE_MAX)}…` : value;
    return JSON.stringify(shown);
  }

  /** A whole number in `[min, max]`, or `fallback` when unset (`null` keeps it optional). */
  integer<F extends number | null>(
    name: ConfigVariableName,
    spec: { min: number; max: number; fallback: F; what: string; example: number },
  ): number | F {
    const raw = this.string(name);
    if (raw === undefined) return spec.fallback;
    const value = DIGITS_REGEX.test(raw) ? Number(raw) : Number.NaN;
    if (Number.isInteger(value) && value >= spec.min && value <= spec.max) return value;
    const unset = spec.fallback === null ? 'leave it unset' : 'leave it unset for the default';
    this.fail(
      name,
      `${name} must be ${spec.what} ${spec.min}–${spec.max}, got ${this.quote(name)}. Set ${name}=${spec.example} or ${unset}.`,
    );
    return spec.fallback;
  }

  /** `1`/`true`/`yes`/`on` or `0`/`false`/`no`/`off`, any case. */
  boolean(name: ConfigVariableName, fallback: boolean): boolean {
    const raw = this.string(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    this.fail(
      name,
      `${name} must be true or false, got ${this.quote(name)}. Set ${name}=true, ${name}=false or leave it unset.`,
    );
    return fallback;
  }

  /** A secret of at least `minBytes` bytes (RFC 7518 §3.2: an HS256 key has at least 256 bits). */
  secret(name: ConfigVariableName, minBytes = 32): string | undefined {
    const value = this.string(name);
    if (value === undefined || Buffer.byteLength(value) >= minBytes) return value;
    this.fail(
      name,
      `${name} must be at least ${minBytes} bytes, got ${this.quote(name)}. Generate one with: node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))"`,
    );
    return undefined;
  }
}
