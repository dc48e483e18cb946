import type { Channel } from '@parley/protocol';
import { channelLabel } from '../text/channelLabel';

/** One public post as the agent types or pastes it. */
export interface PostDraft {
  author: string;
  handle: string;
  text: string;
  /** `datetime-local` value, in the agent's time zone. */
  postedAt: string;
  url: string;
  fromBank: boolean;
}

/**
 * The fields of one public post of the thread being handed off.
 *
 * @example
 * <PostFields index={0} post={post} channel="x" onChange={update} onRemove={null} />
 */
export function PostFields(props: {
  index: number;
  post: PostDraft;
  channel: Channel;
  onChange: (post: PostDraft) => void;
  onRemove: (() => void) | null;
}) {
  const { post, index } = props;
  const id = (field: string) => `post-${index}-${field}`;
  const set = (patch: Partial<PostDraft>) => props.onChange({ ...post, ...patch });
  return (
    <fieldset class="post-fields">
      <legend>Public post {index + 1}</legend>
      <div class="field-row">
        <div class="field">
          <label for={id('author')}>Author’s display name</label>
          <input
            id={id('author')}
            value={post.author}
            required
            onInput={(e) => set({ author: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for={id('handle')}>Handle</label>
          <input
            id={id('handle')}
            value={post.handle}
            required
            placeholder="@anna_k"
            onInput={(e) => set({ handle: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for={id('time')}>Posted at (your time)</label>
          <input
            id={id('time')}
            type="datetime-local"
            value={post.postedAt}
            required
            onInput={(e) => set({ postedAt: e.currentTarget.value })}
          />
        </div>
      </div>
      <div class="field">
        <label for={id('text')}>Text of the post</label>
        <textarea
          id={id('text')}
          rows={3}
          value={post.text}
          required
          onInput={(e) => set({ text: e.currentTarget.value })}
        />
      </div>
      <div class="field-row">
        <div class="field grow">
          <label for={id('url')}>
            Link to the post on {channelLabel(props.channel)} (optional)
          </label>
          <input
            id={id('url')}
            type="url"
            value={post.url}
            placeholder="https://x.com/…/status/…"
            onInput={(e) => set({ url: e.currentTarget.value })}
          />
        </div>
        <label class="check">
          <input
            type="checkbox"
            checked={post.fromBank}
            onChange={(e) => set({ fromBank: e.currentTarget.checked })}
          />
          Posted by the bank
        </label>
        {props.onRemove !== null && (
          <button type="button" class="button small ghost" onClick={props.onRemove}>
            Remove post {index + 1}
          </button>
        )}
      </div>
    </fieldset>
  );
}
