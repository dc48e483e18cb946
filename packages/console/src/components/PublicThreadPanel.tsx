import type { Channel, PublicPost } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { channelLabel } from '../text/channelLabel';
import { MessageText } from './MessageText';

/**
 * The public thread the conversation came from, pinned above the private messages and labelled
 * as public so nobody mistakes it for the private chat. Collapsible to give the chat room.
 *
 * @example
 * <PublicThreadPanel thread={c.publicThread} channel={c.channel} />
 */
export function PublicThreadPanel(props: { thread: readonly PublicPost[]; channel: Channel }) {
  const { thread: publicThread, channel } = props;
  const [open, setOpen] = useState(true);
  if (publicThread.length === 0) return null;
  const where = channelLabel(channel);
  return (
    <section class="public-thread" aria-labelledby="public-thread-title">
      <h2 id="public-thread-title" class="public-thread-title">
        <button
          type="button"
          class="disclosure"
          aria-expanded={open}
          aria-controls="public-thread-posts"
          onClick={() => setOpen(!open)}
        >
          <span class="public-label">Public</span> Conversation on {where} — everyone can see it (
          {publicThread.length} {publicThread.length === 1 ? 'post' : 'posts'})
        </button>
      </h2>
      {open && (
        <ol id="public-thread-posts" class="public-posts">
          {publicThread.map((post, i) => (
            <li key={i} class={post.fromBank ? 'public-post from-bank' : 'public-post'}>
              <p class="post-meta">
                <strong>{post.author}</strong> <span class="muted">{post.handle}</span>{' '}
                <time class="muted" dateTime={post.postedAt}>
                  {new Date(post.postedAt).toLocaleString([], {
                    day: 'numeric',
                    month: 'short',
                    hour: '2-digit',
                    minute: '2-digit',
                  })}
                </time>
                {post.url !== undefined && (
                  <>
                    {' · '}
                    <a href={post.url} target="_blank" rel="noopener noreferrer">
                      View on {where}
                    </a>
                  </>
                )}
              </p>
              <p class="post-text">
                <MessageText text={post.text} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
