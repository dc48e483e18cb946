import { X_POST_MAX, xPostLength } from '@parley/protocol';

/**
 * A live character count as X counts it (every link 23, CJK and emoji two) against X's 280, so
 * a reply the agent edits still fits when it is posted.
 *
 * @example
 * <XCharCount text={reply} id="reply-count" />
 */
export function XCharCount(props: { text: string; id?: string }) {
  const length = xPostLength(props.text);
  const over = length - X_POST_MAX;
  return (
    <span id={props.id} class={over > 0 ? 'x-count over' : 'x-count'} aria-live="polite">
      {over > 0
        ? `${length} / ${X_POST_MAX} — ${over} over X’s limit; shorten it`
        : `${length} / ${X_POST_MAX} on X`}
    </span>
  );
}
