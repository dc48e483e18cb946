import { redact } from '@parley/protocol/redact';

const KIND_NAMES = {
  card: 'a card number',
  iban: 'an IBAN',
  account: 'an account number',
  routing: 'a routing number',
  secret: 'a security code',
} as const;

/**
 * The same warning the widget gives customers: a number that must not be written in a chat is
 * masked before the text leaves the browser, and this shows exactly what will be sent.
 *
 * @example
 * <RedactionPreview text={draft} />
 */
export function RedactionPreview(props: { text: string }) {
  const result = redact(props.text);
  if (result.findings.length === 0) return null;
  const kinds = [...new Set(result.findings.map((f) => KIND_NAMES[f.kind]))].join(' and ');
  return (
    <div class="redaction-preview" role="status">
      <p>
        <strong>This contains {kinds}.</strong> It will be masked before sending — never write card
        or account numbers in a chat. What will be sent:
      </p>
      <p class="redaction-text">{result.text}</p>
    </div>
  );
}
