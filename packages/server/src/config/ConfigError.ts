/** One bad setting: the variable and a message that says how to fix it. */
export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

/**
 * Thrown by `loadConfig` when a setting is missing or invalid. The message lists every problem at
 * once (so an operator fixes them in one pass), each naming its variable and the fix; a secret's
 * value is never quoted.
 *
 * @example
 * try { loadConfig(process.env); } catch (e) { if (e instanceof ConfigError) exitWith(e.message); }
 */
export class ConfigError extends Error {
  /** The first problem's variable, e.g. `PARLEY_PORT`. */
  readonly variable: string;
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    const first = problems[0] ?? { variable: 'config', message: 'Invalid configuration.' };
    super(
      problems.length <= 1
        ? first.message
        : `${problems.length} configuration problems:\n${problems.map((p) => `- ${p.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.variable = first.variable;
    this.problems = Object.freeze([...problems]);
  }
}
