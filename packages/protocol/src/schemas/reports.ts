import * as v from 'valibot';
import { ISO_WEEK_REGEX } from '../regex.js';
import { ChannelSchema, int, label, PrincipalId } from './primitives.js';

const count = int(0, Number.MAX_SAFE_INTEGER);

/**
 * Net Promoter Score figures for one group: promoters answered 9–10, passives 7–8, detractors
 * 0–6; `nps` = % promoters − % detractors, rounded, or null without answers.
 */
export const NpsFigures = v.strictObject({
  responses: count,
  promoters: count,
  passives: count,
  detractors: count,
  nps: v.nullable(int(-100, 100)),
});
export type NpsFigures = v.InferOutput<typeof NpsFigures>;

/** `GET /v1/reports/nps`. Weeks are ISO weeks, e.g. `2026-W47`. */
export const NpsReport = v.strictObject({
  overall: NpsFigures,
  byAgent: v.array(
    v.strictObject({ agentId: PrincipalId, agentName: label(), figures: NpsFigures }),
  ),
  byChannel: v.array(v.strictObject({ channel: ChannelSchema, figures: NpsFigures })),
  byWeek: v.array(
    v.strictObject({
      week: v.pipe(
        v.string(),
        v.maxLength(8),
        v.regex(ISO_WEEK_REGEX, 'Must be an ISO week such as 2026-W47.'),
      ),
      figures: NpsFigures,
    }),
  ),
});
export type NpsReport = v.InferOutput<typeof NpsReport>;
