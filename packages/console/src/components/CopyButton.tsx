import { useState } from 'preact/hooks';

/**
 * Copies a text to the clipboard and says so. Where the clipboard is refused (an insecure
 * origin, a browser setting), it tells the agent to select the text and copy it themselves.
 *
 * @example
 * <CopyButton text={reply} label="Copy reply" />
 */
export function CopyButton(props: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <span class="copy">
      <button type="button" class="button small" onClick={() => void copy()}>
        {props.label}
      </button>
      <span role="status" class="muted small">
        {state === 'copied'
          ? 'Copied.'
          : state === 'failed'
            ? 'Copy failed: select the text and press Ctrl+C.'
            : ''}
      </span>
    </span>
  );
}
