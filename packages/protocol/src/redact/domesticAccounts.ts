/**
 * Whether the 26 digits at `digits[from]` are a Polish NRB: the BBAN of a PL IBAN, whose first two
 * digits are the IBAN check digits (mod 97 over the rest, then "PL" = 25 21, then the check).
 * https://www.nbp.pl/home.aspx?f=/banknoty_i_monety/nrb.html
 *
 * @example isNrb(digitsOf('61109010140000071219812874'), 0) // true
 */
export function isNrb(digits: ArrayLike<number>, from: number): boolean {
  let rest = 0;
  for (let i = from + 2; i < from + 26; i++) rest = (rest * 10 + (digits[i] ?? 0)) % 97;
  // Then "PL" (25 21) and the two check digits, as the IBAN check reads them.
  rest = (rest * 10_000 + 2521) % 97;
  rest = (rest * 100 + (digits[from] ?? 0) * 10 + (digits[from + 1] ?? 0)) % 97;
  return rest === 1;
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
export function isRussianAccount(digits: ArrayLike<number>, from: number): boolean {
  const head = (digits[from] ?? 0) * 10 + (digits[from + 1] ?? 0);
  if (head !== 30 && head !== 40 && head !== 42) return false;
  const currency = `${digits[from + 5]}${digits[from + 6]}${digits[from + 7]}`;
  return RU_CURRENCIES.includes(` ${currency} `);
}

/**
 * The Bank of Russia control key of the 20-digit account at `digits[from]` against the 9-digit
 * BIK at `bik[bikFrom]`: weights 7 1 3 over the BIK's last three digits (a credit institution) or
 * "0" and its digits 5–6 (a cash settlement centre) followed by the account; the sum ends in 0.
 * https://www.consultant.ru/document/cons_doc_LAW_16053/ (Bank of Russia 8.09.1997 N 515)
 *
 * @example russianKeyValid(digitsOf('40702810038000000000'), 0, digitsOf('044525225'), 0)
 */
export function russianKeyValid(
  digits: ArrayLike<number>,
  from: number,
  bik: ArrayLike<number>,
  bikFrom: number,
): boolean {
  const weights = [7, 1, 3];
  const prefixes = [
    [bik[bikFrom + 6] ?? 0, bik[bikFrom + 7] ?? 0, bik[bikFrom + 8] ?? 0],
    [0, bik[bikFrom + 4] ?? 0, bik[bikFrom + 5] ?? 0],
  ];
  return prefixes.some((prefix) => {
    let sum = 0;
    for (let i = 0; i < 23; i++) {
      const d = i < 3 ? (prefix[i] ?? 0) : (digits[from + i - 3] ?? 0);
      sum += d * (weights[i % 3] ?? 0);
    }
    return sum % 10 === 0;
  });
}

/**
 * Whether the 9 digits at `digits[from]` are an ABA routing transit number: a Federal Reserve
 * prefix (00–12, 21–32, 61–72, 80) and weights 3 7 1 summing to a multiple of 10.
 * https://www.frbservices.org/resources/routing-number-directory ; ABA "Key to Routing Numbers"
 *
 * @example isAbaRouting(digitsOf('021000021'), 0) // true
 */
export function isAbaRouting(digits: ArrayLike<number>, from: number): boolean {
  const prefix = (digits[from] ?? 0) * 10 + (digits[from + 1] ?? 0);
  if (!(prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72))) {
    if (prefix !== 80) return false;
  }
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits[from + i] ?? 0) * ([3, 7, 1][i % 3] ?? 0);
  return sum % 10 === 0;
}
