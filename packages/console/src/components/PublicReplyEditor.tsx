import { useState } from 'preact/hooks';
import { CopyButton } from './CopyButton';
import { XCharCount } from './XCharCount';

/**
 * A public reply the agent may adjust before posting it by hand on X or Facebook: an editable
 * text, a copy button, and X's character count.
 *
 * @example
 * <PublicReplyEditor id="suggested" label="Suggested public reply (Russian)" initial={reply} />
 */
export function PublicReplyEditor(props: {
  id: string;
  label: string;
  initial: string;
  lang: string;
}) {
  const [text, setText] = useState(props.initial);
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        lang={props.lang}
        rows={4}
        value={text}
        aria-describedby={`${props.id}-count`}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <div class="field-foot">
        <XCharCount text={text} id={`${props.id}-count`} />
        <CopyButton text={text} label="Copy reply" />
      </div>
    </div>
  );
}
