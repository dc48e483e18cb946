import { isExpiryPair, looksLikeAmount } from './contextShapes.js';
import { isAbaRouting } from './domesticAccounts.js';
import { DATE, PHONE, SOUP, TAKEN } from './groupFlags.js';
import { isCardNumber } from './isCardNumber.js';
import {
  ACCOUNT,
  CARD,
  CVV,
  EXPIRY,
  keywordBefore,
  OTP,
  PIN,
  ROUTING,
  SORT_CODE,
} from './keywordBefore.js';
import type { RunView } from './runView.js';
import { DASH } from './separatorClass.js';

/** What may stand between a card and a following expiry or CVV: `4111… 12/27, 123`. */
const NEXT_TO_CARD = ' ,;:|/-()\u00a0';

/**
 * Takes the number at the start of a run by what stands before it: the expiry and CVV right
 * after a card, or what a keyword says (a card with any issuer, an account, a routing number or
 * sort code, a CVV, PIN, one-time code or expiry date), or a UK `20-00-00 12345678` pair.
 *
 * @example takeByContext(viewRun(state, run)) // "CVV: 123" → a secret
 */
export function takeByContext(view: RunView): void {
  const { state, run, groups, flags, len, value, startOf, endOf, free } = view;
  const text = state.text;
  const val = run.val;
  const digitCount = val.length;
  const add = view.add;
  if ((flags[0] ?? TAKEN) & (TAKEN | PHONE | SOUP)) return;
  const start = startOf(0);
  if (state.cardTail >= 0 && start >= state.cardTail && start - state.cardTail <= 8) {
    let between = true;
    for (let i = state.cardTail; i < start && between; i++) {
      between = NEXT_TO_CARD.includes(text.charAt(i));
    }
    if (between) {
      view.nextToCard(0);
      return;
    }
  }
  if (digitCount < 3) return;
  const context = keywordBefore(text, start);
  // A sort code or an expiry may look like a date; the keyword says which it is.
  if (context === SORT_CODE || context === EXPIRY) {
    for (let g = 0; g < groups; g++) flags[g] = (flags[g] ?? 0) & ~DATE;
  }
  /** Free groups from `from` on while their digits total at most `max`: [last group, count]. */
  const span = (max: number, from = 0): [number, number] => {
    let count = 0;
    let g = from;
    for (; free(g) && count + len(g) <= max; g++) count += len(g);
    return [g - 1, count];
  };
  switch (context) {
    case CARD: {
      let best = -1;
      for (let e = 0, count = 0; free(e) && count + len(e) <= 19; e++) {
        count += len(e);
        if (count >= 12 && isCardNumber(val, 0, count, true)) best = e;
      }
      if (best >= 0) view.addCard(0, best);
      return;
    }
    case ACCOUNT: {
      const [e, count] = span(34);
      if (count >= 6 && !(flags[0] ?? 0) && !looksLikeAmount(text, start, endOf(e))) {
        add('account', 0, e);
      }
      return;
    }
    case ROUTING: {
      const [e, count] = span(9);
      if (count !== 9 || !isAbaRouting(val, 0)) return;
      add('routing', 0, e, 'routing');
      const [f, rest] = span(17, e + 1);
      if (rest >= 4) add('account', e + 1, f);
      return;
    }
    case SORT_CODE: {
      const [e, count] = span(6);
      if (count !== 6) return;
      add('routing', 0, e, 'sort code');
      const [f, rest] = span(10, e + 1);
      if (rest >= 6) add('account', e + 1, f);
      return;
    }
    case CVV:
      if (len(0) === 3 || len(0) === 4) add('secret', 0, 0, 'CVV');
      return;
    case PIN:
    case OTP: {
      const label = context === PIN ? 'PIN' : 'code';
      const [e, count] = span(8);
      // 3 digits: a card code written as "code on the back: 123".
      if (count >= 3 && !free(e + 1)) add('secret', 0, e, label);
      else if (len(0) >= 3 && len(0) <= 8) add('secret', 0, 0, label);
      return;
    }
    case EXPIRY: {
      if (free(1) && isExpiryPair(value(0), len(0), value(1), len(1))) {
        add('secret', 0, 1, 'expiry');
        return;
      }
      // MMYY or MMYYYY written without a separator right after the keyword: `exp1227`.
      const yearLength = len(0) - 2;
      const month = Math.floor(value(0) / 10 ** yearLength);
      if (
        (yearLength === 2 || yearLength === 4) &&
        isExpiryPair(month, 2, value(0) % 10 ** yearLength, yearLength)
      ) {
        add('secret', 0, 0, 'expiry');
      }
      return;
    }
    default:
      // A UK sort code and account without a keyword: `20-00-00 12345678`.
      if (len(0) === 2 && len(1) === 2 && len(2) === 2 && len(3) === 8) {
        const clear = ((flags[1] ?? 0) | (flags[2] ?? 0) | (flags[3] ?? 0)) & ~DATE;
        if (run.gSep[0] === DASH && run.gSep[1] === DASH && clear === 0) {
          add('routing', 0, 2, 'sort code');
          add('account', 3, 3);
        }
      }
  }
}
