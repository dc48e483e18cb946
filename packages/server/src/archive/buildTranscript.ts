import { ParleyError, type Transcript, type TranscriptEvent } from '@parley/protocol';
import { agentView } from '../conversations/views.js';
import type { ServiceContext } from '../services/ServiceContext.js';
import { verifyChain } from '../store/archiveChain.js';
import type { ArchiveRecord, ConversationRecord } from '../store/records.js';

const MESSAGE_LIKE = new Set(['message', 'note', 'system', 'amendment']);

/**
 * The transcript of a conversation: the public thread, every archived event in order with the
 * text as it stands now (amended texts included, superseded ones gone), and whether the hash
 * chain verified end to end at export time.
 *
 * @example
 * const transcript = await buildTranscript(ctx, conversation, chainKey, 'ewa');
 */
export async function buildTranscript(
  ctx: ServiceContext,
  conversation: ConversationRecord,
  chainKey: Uint8Array,
  exportedBy: string,
): Promise<Transcript> {
  const [records, messages] = await Promise.all([
    ctx.store.listArchive(conversation.id),
    ctx.store.listMessages(conversation.id, 0, { includeNotes: true }),
  ]);
  if (records.length === 0) throw new ParleyError('CONVERSATION_NOT_FOUND');
  const textBySeq = new Map(messages.map((message) => [message.seq, message.text]));
  const verification = verifyChain(chainKey, records, textBySeq);
  const events: TranscriptEvent[] = records.map((record: ArchiveRecord) => ({
    index: record.index,
    at: record.at,
    type: record.type,
    actor: record.actor,
    seq: record.seq,
    text:
      MESSAGE_LIKE.has(record.type) && record.seq !== null
        ? (textBySeq.get(record.seq) ?? null)
        : record.text,
    hash: record.hash,
  }));
  return {
    conversation: await agentView(ctx, conversation),
    events,
    integrity: {
      algorithm: 'HMAC-SHA256 chain',
      verified: verification.ok,
      head: records[records.length - 1]?.hash ?? '',
    },
    exportedAt: ctx.now().toISOString(),
    exportedBy,
  };
}

/**
 * A transcript as plain text, for reading and printing.
 *
 * @example
 * res.type('text/plain').send(transcriptText(transcript));
 */
export function transcriptText(transcript: Transcript): string {
  const c = transcript.conversation;
  const lines = [
    `Parley transcript ${c.id}`,
    `Customer: ${c.customer.name} (${c.customer.id})${c.customer.socialHandle === null ? '' : `, ${c.customer.socialHandle} on ${c.channel}`}`,
    `Exported ${transcript.exportedAt} by ${transcript.exportedBy}; chain ${transcript.integrity.verified ? 'verified' : 'BROKEN'}, head ${transcript.integrity.head}`,
    '',
  ];
  if (c.publicThread.length > 0) {
    lines.push(`Public conversation on ${c.channel}:`);
    for (const post of c.publicThread)
      lines.push(`  [${post.postedAt}] ${post.author} (${post.handle}): ${post.text}`);
    lines.push('');
  }
  for (const event of transcript.events) {
    const who = event.actor.name ?? event.actor.id ?? event.actor.role;
    const text = event.text === null ? '' : `: ${event.text}`;
    lines.push(
      `#${event.index} [${event.at}] ${event.type}${event.seq === null ? '' : ` seq ${event.seq}`} — ${who}${text}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
