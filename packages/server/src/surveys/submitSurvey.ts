import { ParleyError, type SubmitSurvey, type SurveyReceipt } from '@parley/protocol';
import { archiveActor, archiveEntry } from '../archive/archiveEntry.js';
import { customerConversation } from '../conversations/access.js';
import type { CustomerActor } from '../domain/actors.js';
import { redactText } from '../redaction/redactText.js';
import type { ServiceContext } from '../services/ServiceContext.js';

/**
 * Records the customer's answer to "How likely are you to recommend us?" for a closed
 * conversation, credited to the agent who closed it. One answer per conversation; a repeat
 * returns the first.
 *
 * @example
 * await submitSurvey(ctx, anna, { conversationId, score: 9 });
 */
export async function submitSurvey(
  ctx: ServiceContext,
  customer: CustomerActor,
  input: SubmitSurvey,
): Promise<SurveyReceipt> {
  const conversation = await customerConversation(ctx, customer, input.conversationId);
  if (conversation.state !== 'closed') {
    throw new ParleyError('CONFLICT', 'The survey opens when the conversation has ended.');
  }
  const now = ctx.now().toISOString();
  const comment = input.comment === undefined ? null : redactText(ctx.metrics, input.comment).text;
  const { survey } = await ctx.store.insertSurvey(
    {
      conversationId: conversation.id,
      customerId: customer.id,
      score: input.score,
      comment,
      agentId: conversation.agentId,
      agentName: conversation.agentName,
      channel: conversation.channel,
      submittedAt: now,
    },
    archiveEntry('survey', now, archiveActor(customer), {
      text: comment,
      data: { score: input.score },
    }),
  );
  return { conversationId: survey.conversationId, score: survey.score };
}
