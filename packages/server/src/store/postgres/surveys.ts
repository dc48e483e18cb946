import { type SurveyRow, toSurvey } from '../recordRows.js';
import type { Store } from '../Store.js';
import { appendArchiveEntries } from './archiveWriter.js';
import type { PgContext } from './context.js';
import { withTransaction } from './withTransaction.js';

type SurveyMethods = Pick<Store, 'insertSurvey' | 'listSurveys'>;

/**
 * Survey answers: one per conversation, kept by the primary key rather than a prior read, so two
 * submissions racing from two tabs (or two nodes) store exactly one answer and one archive entry.
 * The second insert waits for the first to commit, then does nothing.
 *
 * @example
 * const store = { ...callbackMethods(ctx), ...surveyMethods(ctx) };
 */
export function surveyMethods(ctx: PgContext): SurveyMethods {
  return {
    async insertSurvey(survey, archive) {
      return withTransaction(ctx.pool, async (client) => {
        const inserted = await client.query(
          `INSERT INTO surveys (conversation_id, customer_id, score, comment, agent_id,
             agent_name, channel, submitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (conversation_id) DO NOTHING`,
          [
            survey.conversationId,
            survey.customerId,
            survey.score,
            survey.comment,
            survey.agentId,
            survey.agentName,
            survey.channel,
            survey.submittedAt,
          ],
        );
        if (inserted.rowCount === 0) {
          const { rows } = await client.query<SurveyRow>(
            'SELECT * FROM surveys WHERE conversation_id = $1',
            [survey.conversationId],
          );
          const first = rows[0];
          if (!first) throw new Error(`The survey of ${survey.conversationId} vanished.`);
          return { survey: toSurvey(first), created: false };
        }
        await appendArchiveEntries(ctx, client, survey.conversationId, [archive]);
        return { survey: { ...survey }, created: true };
      });
    },

    async listSurveys(filter) {
      const { rows } = await ctx.pool.query<SurveyRow>(
        `SELECT * FROM surveys
         WHERE ($1::text IS NULL OR submitted_at >= $1)
           AND ($2::text IS NULL OR submitted_at < $2)
           AND ($3::text IS NULL OR customer_id = $3)
         ORDER BY submitted_at, conversation_id`,
        [filter.from ?? null, filter.to ?? null, filter.customerId ?? null],
      );
      return rows.map(toSurvey);
    },
  };
}
