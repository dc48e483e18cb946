import * as v from 'valibot';
import { SURVEY_COMMENT_MAX } from '../limits.js';
import { Id, int, text } from './primitives.js';

/** `survey:request`: sent to the customer when a conversation closes. */
export const SurveyRequest = v.strictObject({ conversationId: Id, kind: v.literal('nps') });
export type SurveyRequest = v.InferOutput<typeof SurveyRequest>;

/** `survey:submit`: "How likely are you to recommend us?" 0–10, and an optional comment. */
export const SubmitSurvey = v.strictObject({
  conversationId: Id,
  score: int(0, 10),
  comment: v.optional(text(SURVEY_COMMENT_MAX)),
});
export type SubmitSurvey = v.InferOutput<typeof SubmitSurvey>;

/** The answer to `survey:submit`. A conversation takes one answer; a repeat returns the first. */
export const SurveyReceipt = v.strictObject({ conversationId: Id, score: int(0, 10) });
export type SurveyReceipt = v.InferOutput<typeof SurveyReceipt>;
