/**
 * A text-only Engine.IO parser (protocol 4), aliased for `engine.io-parser` in the UI build
 * (`vite.config.ts`), as `textOnlyParser.ts` is for `socket.io-parser`. Parley's protocol carries
 * JSON only, never binary, so the stock parser's base64 and Blob paths (~0.6 KB gzip) are dead
 * weight in the widget. Text packets are encoded byte for byte as the stock parser does:
 * `<type digit><data>`, joined by the record separator (U+001E) in an HTTP long-polling payload.
 * https://github.com/socketio/socket.io/tree/main/packages/engine.io-parser
 * A binary packet is never misread: one to send is refused with an error, one received decodes
 * as the stock parser's error packet, which makes the client drop the transport and reconnect.
 */
export const protocol = 4;

/** The packet types in wire order: the type of `0` is `open`, and so on. */
const TYPES = ['open', 'close', 'ping', 'pong', 'message', 'upgrade', 'noop'];

/** What the stock parser decodes an unreadable packet to. */
const ERROR_PACKET = { type: 'error', data: 'parser error' };

/** The record separator between the packets of one long-polling payload. */
const SEPARATOR = '\u001e';

interface Packet {
  type: string;
  data?: unknown;
}

/**
 * Encodes a packet as text and hands it to `callback` (synchronously, as the stock parser does
 * for text). Throws on binary data: the widget never sends any.
 *
 * @example encodePacket({ type: 'message', data: '2["typing"]' }, true, send) // send('42["typing"]')
 */
export function encodePacket(
  { type, data }: Packet,
  _supportsBinary: boolean,
  callback: (encoded: string) => void,
): void {
  if (data != null && typeof data !== 'string') throw new Error('binary packets are not supported');
  callback(TYPES.indexOf(type) + (data || ''));
}

/**
 * Decodes one text packet; binary or unknown input is the error packet.
 *
 * @example decodePacket('3probe') // { type: 'pong', data: 'probe' }
 */
export function decodePacket(encoded: unknown): Packet {
  if (typeof encoded !== 'string') return ERROR_PACKET;
  const type = TYPES[encoded.charCodeAt(0) - 0x30];
  if (type === undefined) return ERROR_PACKET;
  return encoded.length > 1 ? { type, data: encoded.slice(1) } : { type };
}

/** Encodes the packets of one long-polling request. */
export function encodePayload(packets: Packet[], callback: (payload: string) => void): void {
  const encoded: string[] = [];
  for (const packet of packets) encodePacket(packet, false, (text) => encoded.push(text));
  callback(encoded.join(SEPARATOR));
}

/** Decodes a long-polling response, up to and including the first unreadable packet. */
export function decodePayload(payload: string): Packet[] {
  const packets: Packet[] = [];
  for (const text of payload.split(SEPARATOR)) {
    const packet = decodePacket(text);
    packets.push(packet);
    if (packet === ERROR_PACKET) break;
  }
  return packets;
}

/**
 * The WebTransport framing, which engine.io-client's package index still names (the transport
 * itself is `noWebTransport.ts` in the widget). Tree-shaken away; calling it fails loudly.
 */
export function createPacketEncoderStream(): never {
  throw new Error('WebTransport is not bundled in the Parley widget.');
}
export const createPacketDecoderStream = createPacketEncoderStream;
