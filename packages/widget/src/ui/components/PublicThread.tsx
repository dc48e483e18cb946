import { useApp } from '../AppContext.js';
import { Linkified } from './Linkified.js';

/**
 * The public posts the conversation came from, collapsed above the private messages and marked
 * as public, so the customer need not repeat themselves and knows where privacy begins.
 *
 * @example
 * <PublicThread />
 */
export function PublicThread() {
  const { state, t, f } = useApp();
  const conversation = state.conversation;
  if (conversation === null || conversation.publicThread.length === 0) return null;
  const posts = conversation.publicThread;
  return (
    <details class="public">
      <summary>
        <span class="tag">
          {t('publicThread', { channel: t(`channel_${conversation.channel}`) })}
        </span>{' '}
        <span class="muted">{t('publicPosts', { n: posts.length })}</span>
      </summary>
      <ol class="posts">
        {posts.map((post) => (
          <li key={post.postedAt + post.handle}>
            <p class="meta">
              <strong>{post.author}</strong> {post.handle}
              {post.fromBank ? ` · ${t('fromBank')}` : ''} ·{' '}
              <time dateTime={post.postedAt}>{f.dateTime(post.postedAt)}</time>
            </p>
            <p class="text">
              <Linkified text={post.text} />
            </p>
          </li>
        ))}
      </ol>
      <p class="muted">{t('publicNote')}</p>
    </details>
  );
}
