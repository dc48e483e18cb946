import { linkify } from '../text/linkify';

/**
 * Message text rendered as text — never as HTML — with http(s) links clickable (opening in a new
 * tab, without a referrer or access to this window). Line breaks are kept by CSS.
 *
 * @example
 * <MessageText text={message.text} />
 */
export function MessageText(props: { text: string; lang?: string }) {
  return (
    <span class="message-text" lang={props.lang}>
      {linkify(props.text).map((part, i) =>
        part.kind === 'link' ? (
          <a key={i} href={part.href} target="_blank" rel="noopener noreferrer">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </span>
  );
}
