import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A modal dialog on the native `<dialog>` element: focus moves in and is trapped by the browser,
 * Escape closes it, and focus returns to where it was.
 *
 * @example
 * <Dialog title="Transcript" onClose={close}>…</Dialog>
 */
export function Dialog(props: { title: string; onClose: () => void; children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement as HTMLElement | null;
    if (dialog !== null && typeof dialog.showModal === 'function' && !dialog.open)
      dialog.showModal();
    return () => before?.focus();
  }, []);
  return (
    <dialog ref={ref} class="dialog" aria-labelledby="dialog-title" onClose={props.onClose}>
      <header class="dialog-header">
        <h2 id="dialog-title">{props.title}</h2>
        <button type="button" class="button small" onClick={props.onClose}>
          Close
        </button>
      </header>
      <div class="dialog-body">{props.children}</div>
    </dialog>
  );
}
