/**
 * A text-only Socket.IO parser (protocol 5), aliased for `socket.io-parser` in the UI build
 * (`vite.config.ts`). Parley's protocol carries JSON only, never binary, so the binary
 * deconstruction and reconstruction of the stock parser (~1.5 KB gzip) is dead weight in the
 * widget. The wire format of text packets is the stock one, byte for byte:
 * `<type>[<nsp>,][<ack id>][<JSON>]` — https://github.com/socketio/socket.io/tree/main/packages/socket.io-parser
 * A binary packet is refused as a parse error (the manager then reconnects), never misread.
 */
export const protocol = 5;

/** The packet types; the binary ones exist only to be refused. */
export const PacketType = {
  CONNECT: 0,
  DISCONNECT: 1,
  EVENT: 2,
  ACK: 3,
  CONNECT_ERROR: 4,
  BINARY_EVENT: 5,
  BINARY_ACK: 6,
} as const;

interface Packet {
  type: number;
  nsp: string;
  id?: number;
  data?: unknown;
}

/** Event names the client uses itself; a server may not send them as events. */
const RESERVED = [
  'connect',
  'connect_error',
  'disconnect',
  'disconnecting',
  'newListener',
  'removeListener',
];
/** An ack id: digits right after the type (and namespace). */
const ACK_ID_REGEX = /^\d+/;

const isObject = (value: unknown) => Object.prototype.toString.call(value) === '[object Object]';

function payloadValid(type: number, payload: unknown): boolean {
  if (type === PacketType.CONNECT) return isObject(payload);
  if (type === PacketType.DISCONNECT) return payload === undefined;
  if (type === PacketType.CONNECT_ERROR) return typeof payload === 'string' || isObject(payload);
  if (!Array.isArray(payload)) return false;
  if (type === PacketType.ACK) return true;
  const [name] = payload as unknown[];
  return typeof name === 'number' || (typeof name === 'string' && !RESERVED.includes(name));
}

/**
 * Encodes packets as text.
 *
 * @example
 * new Encoder().encode({ type: 2, nsp: '/customer', id: 7, data: ['typing', {}] });
 * // ['2/customer,7["typing",{}]']
 */
export class Encoder {
  encode(packet: Packet): string[] {
    let text = String(packet.type);
    if (packet.nsp && packet.nsp !== '/') text += `${packet.nsp},`;
    if (packet.id != null) text += packet.id;
    if (packet.data != null) text += JSON.stringify(packet.data);
    return [text];
  }
}

/**
 * Decodes text packets and emits each as `decoded`; throws on anything else.
 *
 * @example
 * const decoder = new Decoder();
 * decoder.on('decoded', (packet) => handle(packet));
 * decoder.add('2/customer,["typing",{}]');
 */
export class Decoder {
  private listener: ((packet: Packet) => void) | null = null;

  /** The manager subscribes once, to `decoded`, and unsubscribes on clean-up. */
  on(_event: 'decoded', listener: (packet: Packet) => void): this {
    this.listener = listener;
    return this;
  }

  off(): this {
    this.listener = null;
    return this;
  }

  add(chunk: unknown): void {
    if (typeof chunk !== 'string') throw new Error('binary packets are not supported');
    const type = Number(chunk.charAt(0));
    if (!(type >= 0 && type <= 4)) throw new Error(`unsupported packet type ${chunk.charAt(0)}`);
    let rest = chunk.slice(1);
    let nsp = '/';
    if (rest.startsWith('/')) {
      const comma = rest.indexOf(',');
      nsp = comma === -1 ? rest : rest.slice(0, comma);
      rest = comma === -1 ? '' : rest.slice(comma + 1);
    }
    const packet: Packet = { type, nsp };
    const id = ACK_ID_REGEX.exec(rest)?.[0];
    if (id !== undefined) {
      packet.id = Number(id);
      rest = rest.slice(id.length);
    }
    if (rest !== '') {
      let payload: unknown;
      try {
        payload = JSON.parse(rest);
      } catch {
        payload = false;
      }
      if (!payloadValid(type, payload)) throw new Error('invalid payload');
      packet.data = payload;
    }
    this.listener?.(packet);
  }

  destroy(): void {}
}
