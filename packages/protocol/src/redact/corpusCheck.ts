import { digitAt } from './digits.js';
import type { LabelledCase } from './generateCases.js';
import type { Finding } from './types.js';

/** Counts over a labelled corpus: what a test asserts and a report prints. */
export interface CorpusScore {
  secrets: number;
  secretsExposed: number;
  keeps: number;
  keepsAltered: number;
  /** The first failures, for the test's message. */
  failures: string[];
}

/** The offsets of the digits a finding's mask shows: its last 4 digits, or none. */
function shown(text: string, finding: Finding): Set<number> {
  const count = (finding.mask.match(MASK_DIGITS_REGEX) ?? []).length;
  const digits: number[] = [];
  for (let i = finding.start; i < finding.end; i++) if (digitAt(text, i) >= 0) digits.push(i);
  return new Set(count > 0 ? digits.slice(-count) : []);
}

/** ASCII digits in a mask (its kept tail). */
const MASK_DIGITS_REGEX = /[0-9]/g;

/**
 * Scores findings against labels: a secret is exposed if any digit before its last `reveal` is
 * neither inside a finding nor hidden by its mask; a keep is altered if any finding touches it.
 *
 * @example scoreCase(testCase, redact(testCase.text).findings, score)
 */
export function scoreCase(
  testCase: LabelledCase,
  findings: readonly Finding[],
  score: CorpusScore,
): void {
  const { text } = testCase;
  for (const secret of testCase.secrets) {
    score.secrets++;
    const digits: number[] = [];
    for (let i = secret.start; i < secret.end; i++) if (digitAt(text, i) >= 0) digits.push(i);
    const mustHide = digits.slice(0, digits.length - secret.reveal);
    const exposed = mustHide.some((at) => {
      const cover = findings.find((f) => f.start <= at && at < f.end);
      return !cover || shown(text, cover).has(at);
    });
    if (exposed) {
      score.secretsExposed++;
      if (score.failures.length < 20)
        score.failures.push(`exposed ${secret.label}: ${JSON.stringify(text)}`);
    }
  }
  for (const keep of testCase.keeps) {
    score.keeps++;
    if (findings.some((f) => f.start < keep.end && f.end > keep.start)) {
      score.keepsAltered++;
      if (score.failures.length < 20)
        score.failures.push(`altered ${keep.label}: ${JSON.stringify(text)}`);
    }
  }
}
