import { validate } from '@parley/protocol';
import { CannedConfigFile, type CannedTexts } from './CannedTexts';
import { defaultCannedTexts } from './defaultCannedTexts';

/** The canned texts in use, and a warning for the agent when the bank's file was refused. */
export interface LoadedCannedTexts {
  texts: CannedTexts;
  warning: string | null;
}

/**
 * The defaults with the bank's overrides merged per locale.
 *
 * @example
 * mergeCannedTexts({ closingReplies: { en: 'Thanks!' } }).closingReplies.en; // 'Thanks!'
 */
export function mergeCannedTexts(file: CannedConfigFile): CannedTexts {
  const d = defaultCannedTexts;
  return {
    responses: { ...d.responses, ...stripUndefined(file.responses) },
    closingReplies: { ...d.closingReplies, ...stripUndefined(file.closingReplies) },
    reissueMessages: { ...d.reissueMessages, ...stripUndefined(file.reissueMessages) },
  };
}

function stripUndefined<T extends object>(value: T | undefined): Partial<T> {
  if (value === undefined) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Loads the bank's canned responses and closing replies from `<base>config/canned.json` when the
 * file exists, else the defaults. A missing file is normal (the server answers with the app
 * page, not JSON); a file that is not valid is reported so the administrator can fix it.
 *
 * @example
 * const { texts, warning } = await loadCannedTexts('/console/');
 */
export async function loadCannedTexts(base: string): Promise<LoadedCannedTexts> {
  let response: Response;
  try {
    response = await fetch(`${base}config/canned.json`, { credentials: 'omit' });
  } catch {
    return { texts: defaultCannedTexts, warning: null };
  }
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || !type.includes('json')) return { texts: defaultCannedTexts, warning: null };
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return {
      texts: defaultCannedTexts,
      warning: 'config/canned.json is not valid JSON; the default canned texts are used.',
    };
  }
  const parsed = validate(CannedConfigFile, body);
  if (!parsed.ok) {
    return {
      texts: defaultCannedTexts,
      warning: `config/canned.json was refused (${parsed.error.message}); the default canned texts are used.`,
    };
  }
  return { texts: mergeCannedTexts(parsed.value), warning: null };
}

/** A placeholder of a canned text: `{customer}`, `{agent}` or `{url}`; no nesting, no backtracking. */
const PLACEHOLDER_REGEX = /\{(customer|agent|url)\}/g;

/**
 * Fills a canned text's placeholders.
 *
 * @example
 * fillPlaceholders('Hello {customer}', { customer: 'Anna' }); // 'Hello Anna'
 */
export function fillPlaceholders(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER_REGEX, (whole, key: string) => values[key] ?? whole);
}
