import { type Locale, SUPPORTED_LOCALES, text } from '@parley/protocol';
import * as v from 'valibot';

/** One canned response: a title for the agent, a text for the customer. */
export interface CannedResponse {
  title: string;
  /** May hold `{customer}` (the verified name) and `{agent}` (the agent's name). */
  text: string;
}

/** Every customer-facing text the console proposes, per locale. */
export interface CannedTexts {
  responses: Record<Locale, readonly CannedResponse[]>;
  /** The public reply for the original thread after closing: no personal detail at all. */
  closingReplies: Record<Locale, string>;
  /** The direct message that carries a re-issued link; `{url}` is replaced by the link. */
  reissueMessages: Record<Locale, string>;
}

const perLocale = <T extends v.GenericSchema>(schema: T) =>
  v.strictObject(
    Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [locale, v.optional(schema)])) as Record<
      Locale,
      v.OptionalSchema<T, undefined>
    >,
  );

/**
 * The bank's `/console/config/canned.json`: any part may be left out, and what is given replaces
 * the default for that locale. Unknown keys are refused so a typo is reported, not ignored.
 */
export const CannedConfigFile = v.strictObject({
  responses: v.optional(
    perLocale(
      v.pipe(
        v.array(v.strictObject({ title: text(80, 1), text: text(2_000, 1) })),
        v.maxLength(50, 'At most 50 canned responses per locale.'),
      ),
    ),
  ),
  closingReplies: v.optional(perLocale(text(280, 1))),
  reissueMessages: v.optional(
    perLocale(
      v.pipe(text(1_000, 1), v.includes('{url}', 'Must contain {url}, where the new link goes.')),
    ),
  ),
});
export type CannedConfigFile = v.InferOutput<typeof CannedConfigFile>;
