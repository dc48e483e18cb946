import { takeChecksummed } from './checksumWindows.js';
import { takeByContext } from './contextRules.js';
import { type Run, type ScanState, viewRun } from './runView.js';

export type { Run, ScanState } from './runView.js';

/**
 * Finds the numbers in one run: checksum-backed windows (cards, Russian accounts, NRBs) first,
 * with the expiry and CVV next to a card, then what a keyword before the run says the number at
 * its start is. Pushes findings to `state.findings`.
 *
 * @example analyseRun(state, run) // after the scanner ends a run
 */
export function analyseRun(state: ScanState, run: Run): void {
  if (run.val.length < 3 && state.cardTail < 0) return;
  const view = viewRun(state, run);
  takeChecksummed(view);
  takeByContext(view);
}
