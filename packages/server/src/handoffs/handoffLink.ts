import { type HandoffCreated, resolveLocale } from '@parley/protocol';
import type { ServiceContext } from '../services/ServiceContext.js';
import type { HandoffRecord } from '../store/records.js';
import { suggestedReply } from './suggestedReply.js';

/**
 * The link for a freshly issued code and the public reply to post with it, in the handoff's
 * language, naming its agent (or the team while it has none). Only callers that have just made
 * the code can build this: the store keeps the code's hash alone.
 *
 * @example
 * const link = handoffLink(ctx, record, code); // { url: 'https://…/h/…', suggestedReply, … }
 */
export function handoffLink(
  ctx: ServiceContext,
  record: HandoffRecord,
  code: string,
): HandoffCreated {
  const url = `${ctx.settings.publicUrl}/h/${code}`;
  const customerPost = record.thread.find((post) => post.fromBank !== true);
  const locale = resolveLocale(record.locale, ctx.settings.defaultLocale);
  return {
    handoffId: record.id,
    code,
    url,
    expiresAt: record.expiresAt,
    suggestedReply: suggestedReply({
      locale,
      customerName: customerPost?.author ?? null,
      agentName: record.agentName,
      url,
    }),
    locale,
  };
}
