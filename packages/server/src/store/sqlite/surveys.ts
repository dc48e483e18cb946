import { type SurveyRow, toSurvey } from '../recordRows.js';
import type { Store } from '../Store.js';
import { appendArchiveEntries } from './archiveWriter.js';
import type { SqliteContext } from './context.js';

type SurveyMethods = Pick<Store, 'insertSurvey' | 'listSurveys'>;

/**
 * Survey answers: one per conversation, kept by the primary key rather than a prior read, so two
 * submissions racing from two tabs store exactly one answer and one archive entry.
 *
 * @example
 * const store = { ...callbackMethods(ctx), ...surveyMethods(ctx) };
 */
export function surveyMethods(ctx: SqliteContext): SurveyMethods {
  return {
    async insertSurvey(survey, archive) {
      return ctx.write(() => {
        const inserted = ctx
          .stmt(
            `INSERT INTO surveys (conversation_id, customer_id, score, comment, agent_id,
               agent_name, channel, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (conversation_id) DO NOTHING`,
          )
          .run(
            survey.conversationId,
            survey.customerId,
            survey.score,
            survey.comment,
            survey.agentId,
            survey.agentName,
            survey.channel,
            survey.submittedAt,
          );
        if (inserted.changes === 0) {
          const first = ctx
            .stmt('SELECT * FROM surveys WHERE conversation_id = ?')
            .get(survey.conversationId) as SurveyRow;
          return { survey: toSurvey(first), created: false };
        }
        appendArchiveEntries(ctx, survey.conversationId, [archive]);
        return { survey: { ...survey }, created: true };
      });
    },

    async listSurveys(filter) {
      const rows = ctx
        .stmt(
          `SELECT * FROM surveys
           WHERE (@from IS NULL OR submitted_at >= @from)
             AND (@to IS NULL OR submitted_at < @to)
             AND (@customerId IS NULL OR customer_id = @customerId)
           ORDER BY submitted_at, conversation_id`,
        )
        .all({
          from: filter.from ?? null,
          to: filter.to ?? null,
          customerId: filter.customerId ?? null,
        }) as SurveyRow[];
      return rows.map(toSurvey);
    },
  };
}
