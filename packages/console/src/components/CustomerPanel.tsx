import type { AgentConversation } from '@parley/protocol';
import { resolveLocale } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { channelLabel } from '../text/channelLabel';
import { LOCALE_NAMES } from '../text/localeNames';
import { EarlierConversations } from './EarlierConversations';
import { ReissuePanel } from './ReissuePanel';
import type { Reissued } from './ReissueResult';

/**
 * Who the agent is talking to: the identity the bank verified at sign-in beside the public
 * handle and author the handoff was made for, so a wrong claimant stands out — with the way out
 * (end this chat, send the right person a new link by direct message) — and the customer's
 * earlier conversations across channels.
 *
 * @example
 * <CustomerPanel conversation={c} writable onReissued={show} />
 */
export function CustomerPanel(props: {
  conversation: AgentConversation;
  writable: boolean;
  onReissued: (reissued: Reissued) => void;
}) {
  const c = props.conversation;
  const [reissuing, setReissuing] = useState(false);
  const poster = c.publicThread.find((post) => post.fromBank !== true);
  const where = channelLabel(c.channel);
  return (
    <aside class="customer-panel" aria-labelledby="customer-title">
      <h2 id="customer-title">Customer</h2>
      <div class="identity-compare">
        <div class="identity-card verified">
          <h3>Verified by the bank</h3>
          <p class="identity-name">{c.customer.name}</p>
          <dl>
            <dt>Customer id</dt>
            <dd class="mono">{c.customer.id}</dd>
            <dt>Phone on file</dt>
            <dd>{c.customer.hasPhone ? 'Yes' : 'No'}</dd>
            <dt>Language</dt>
            <dd>{LOCALE_NAMES[resolveLocale(c.customer.locale)]}</dd>
          </dl>
        </div>
        <div class="identity-card social">
          <h3>{c.publicThread.length > 0 ? `Public on ${where}` : `Channel: ${where}`}</h3>
          <p class="identity-name">{c.customer.socialHandle ?? '—'}</p>
          {poster !== undefined && (
            <dl>
              <dt>Posted as</dt>
              <dd>
                {poster.author} ({poster.handle})
              </dd>
            </dl>
          )}
        </div>
      </div>
      {c.handoffId !== null && props.writable && (
        <div class="mismatch">
          <p class="small">
            Does the verified name match the public poster? If someone else claimed the link, share
            nothing: end this chat and send the poster a new link by direct message.
          </p>
          {reissuing ? (
            <ReissuePanel
              conversation={c}
              onCancel={() => setReissuing(false)}
              onDone={(reissued) => {
                setReissuing(false);
                props.onReissued(reissued);
              }}
            />
          ) : (
            <button type="button" class="button small danger" onClick={() => setReissuing(true)}>
              Not the same person…
            </button>
          )}
        </div>
      )}
      <EarlierConversations customerId={c.customer.id} currentId={c.id} />
    </aside>
  );
}
