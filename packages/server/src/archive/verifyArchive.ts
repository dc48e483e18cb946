import { verifyChain } from '../store/archiveChain.js';
import type { Store } from '../store/Store.js';

/**
 * Recomputes every conversation's hash chain against the current message texts. Stops at the
 * first conversation whose chain breaks and names the entry, so an investigator knows where to
 * look; otherwise reports how many conversations and entries verified.
 *
 * @example
 * const report = await verifyArchive(store, chainKey); // { ok: true, text: 'Verified 12 conversations, 340 entries.' }
 */
export async function verifyArchive(
  store: Store,
  chainKey: Uint8Array,
): Promise<{ ok: boolean; text: string }> {
  let entries = 0;
  const ids = await store.listArchivedConversationIds();
  for (const id of ids) {
    const [records, messages] = await Promise.all([
      store.listArchive(id),
      store.listMessages(id, 0, { includeNotes: true }),
    ]);
    const result = verifyChain(chainKey, records, new Map(messages.map((m) => [m.seq, m.text])));
    if (!result.ok) {
      return {
        ok: false,
        text: `BROKEN: conversation ${id}, entry ${result.brokenAt}: ${result.reason}`,
      };
    }
    entries += records.length;
  }
  return {
    ok: true,
    text: `Verified ${ids.length} conversations, ${entries} archive entries: every chain is intact.`,
  };
}
