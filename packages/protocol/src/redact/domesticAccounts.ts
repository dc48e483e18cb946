/**
 * Whether the 26 digits at `digits[from]` are a Polish NRB: the BBAN of a PL IBAN, whose first two
 * digits are the IBAN check digits (mod 97 over the rest, then "PL" = 25 21, then the check).
 * https://www.nbp.pl/home.aspx?f=/banknoty_i_monety/nrb.html
 *
 * @example isNrb(digitsOf('61109010140000071219812874'), 0) // true
 */
export function isNrb(digits: readonly number[], from: number): boolean {
  let rest = 0;
  for (let i = from + 2; i < from + 26; i++) rest = (rest * 10 + digits[i]!) % 97;
  // Then "PL" (25 21) and the two check digits, as the IBAN check reads them.
  rest = (rest * 10_000 + 2521) % 97;
  return (rest * 100 + digits[from]! * 10 + digits[from + 1]!) % 97 === 1;
}

/**
 * ISO 4217 numeric codes a Russian account carries in digits 6–8: 810 (the rouble's code in the
 * chart of accounts), 643, and the foreign currencies banks open accounts in. Bank of Russia
 * Regulation 809-P, https://www.cbr.ru/Queries/UniDbQuery/File/90134/1207
 */
const RU_CURRENCIES = ' 810 643 840 978 156 826 756 392 398 933 949 985 203 344 784 356 051 860 ';

/**
 * Whether the 20 digits at `digits[from]` have the structure of a Russian bank account: a
 * balance account of section 30 (interbank), 40 (settlement and current accounts) or 42
 * (deposits), and a currency code in digits 6–8.
 *
 * @example isRussianAccount(digitsOf('40817810099910004312'), 0) // true
 */
export function isRussianAccount(digits: readonly number[], from: number): boolean {
  const head = digits[from]! * 10 + digits[from + 1]!;
  if (head !== 30 && head !== 40 && head !== 42) return false;
  return RU_CURRENCIES.includes(` ${digits[from + 5]}${digits[from + 6]}${digits[from + 7]} `);
}

/**
 * The Bank of Russia control key of the 20-digit account at `digits[from]` against the 9-digit
 * BIK `bik`: weights 7 1 3 over the BIK's last three digits (a credit institution) or
 * "0" and its digits 5–6 (a cash settlement centre) followed by the account; the sum ends in 0.
 * https://www.consultant.ru/document/cons_doc_LAW_16053/ (Bank of Russia 8.09.1997 N 515)
 *
 * @example russianKeyValid(digitsOf('40702810038000000000'), 0, digitsOf('044525225'))
 */
export function russianKeyValid(
  digits: readonly number[],
  from: number,
  bik: readonly number[],
): boolean {
  let sum = 0;
  for (let i = 0; i < 20; i++) sum += digits[from + i]! * WEIGHTS_713[i % 3]!;
  return (
    (sum + bik[6]! * 7 + bik[7]! + bik[8]! * 3) % 10 === 0 ||
    (sum + bik[4]! + bik[5]! * 3) % 10 === 0
  );
}

/** The weights of the Russian control key, repeated over the digits. */
const WEIGHTS_713 = [7, 1, 3];

/**
 * Whether the 9 digits at `digits[from]` are an ABA routing transit number: a Federal Reserve
 * prefix (00–12, 21–32, 61–72, 80) and weights 3 7 1 summing to a multiple of 10.
 * https://www.frbservices.org/resources/routing-number-directory ; ABA "Key to Routing Numbers"
 *
 * @example isAbaRouting(digitsOf('021000021'), 0) // true
 */
export function isAbaRouting(digits: readonly number[], from: number): boolean {
  const prefix = digits[from]! * 10 + digits[from + 1]!;
  let sum = 0;
  // Weights 3 7 1: the Russian key's 7 1 3 read from its third.
  for (let i = 0; i < 9; i++) sum += digits[from + i]! * WEIGHTS_713[(i + 2) % 3]!;
  return (
    (prefix <= 12 ||
      (prefix >= 21 && prefix <= 32) ||
      (prefix >= 61 && prefix <= 72) ||
      prefix === 80) &&
    sum % 10 === 0
  );
}
