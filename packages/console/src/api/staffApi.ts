import {
  ConversationSearch,
  type ConversationSearchQuery,
  NpsReport,
  Transcript,
} from '@parley/protocol';
import type { InferOutput } from 'valibot';
import { type RestResult, restRequest } from './restRequest';

const query = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, value);
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
};

/**
 * A conversation's transcript with its public thread and integrity check. Every view is
 * audit-logged by the server.
 *
 * @example
 * const transcript = await fetchTranscript(token, 'cv_…');
 */
export function fetchTranscript(
  token: string,
  conversationId: string,
): Promise<RestResult<Transcript>> {
  return restRequest(
    Transcript,
    `/v1/conversations/${encodeURIComponent(conversationId)}/transcript?format=json`,
    { token },
  );
}

/**
 * Conversations by customer, channel and time (compliance; supervisors: their teams').
 *
 * @example
 * await searchConversations(token, { customerId: 'cust-anna' });
 */
export function searchConversations(
  token: string,
  params: InferOutput<typeof ConversationSearchQuery>,
): Promise<RestResult<InferOutput<typeof ConversationSearch>>> {
  return restRequest(ConversationSearch, `/v1/conversations${query(params)}`, { token });
}

/**
 * NPS by agent, channel and ISO week, optionally for a UTC range.
 *
 * @example
 * await fetchNps(token, {});
 */
export function fetchNps(
  token: string,
  range: { from?: string; to?: string },
): Promise<RestResult<NpsReport>> {
  return restRequest(NpsReport, `/v1/reports/nps${query(range)}`, { token });
}

/**
 * A transcript as the server exports it, for download: JSON or plain text (audit-logged).
 *
 * @example
 * const file = await exportTranscript(token, id, 'txt');
 */
export async function exportTranscript(
  token: string,
  conversationId: string,
  format: 'json' | 'txt',
): Promise<{ ok: true; blob: Blob } | { ok: false; message: string }> {
  try {
    const response = await fetch(
      `/v1/conversations/${encodeURIComponent(conversationId)}/transcript?format=${format}`,
      {
        headers: { Authorization: `Bearer ${token}` },
        credentials: 'omit',
        signal: AbortSignal.timeout(30_000),
      },
    );
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as {
        error?: { message?: string };
      } | null;
      return {
        ok: false,
        message: body?.error?.message ?? `The export failed (${response.status}). Try again.`,
      };
    }
    return { ok: true, blob: await response.blob() };
  } catch {
    return {
      ok: false,
      message: 'The Parley server could not be reached. Check your network and try again.',
    };
  }
}
