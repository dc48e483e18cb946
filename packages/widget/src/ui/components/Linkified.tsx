import { HTTP_URL_REGEX } from '@parley/protocol';

/** White space, kept as its own token when splitting so the text reads exactly as written. */
const WHITE_SPACE_SPLIT_REGEX = /(\s+)/;
/** Sentence punctuation after a link ("see https://bank.example/help."), not part of it. */
const TRAILING_PUNCTUATION_REGEX = /[.,;:!?)\]'"»”]+$/;

/**
 * Message text as text — never as HTML — with http(s) links made clickable. Any other scheme
 * (`javascript:`, `data:`, `tel:`) stays plain text.
 *
 * @example
 * <Linkified text="See https://bank.example/help." />
 */
export function Linkified({ text }: { text: string }) {
  return (
    <>
      {text.split(WHITE_SPACE_SPLIT_REGEX).map((part, index) => {
        const url = part.replace(TRAILING_PUNCTUATION_REGEX, '');
        if (!HTTP_URL_REGEX.test(url)) return part;
        return (
          <span key={index}>
            <a href={url} target="_blank" rel="noopener noreferrer nofollow">
              {url}
            </a>
            {part.slice(url.length)}
          </span>
        );
      })}
    </>
  );
}
