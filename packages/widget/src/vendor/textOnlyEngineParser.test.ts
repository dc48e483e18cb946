import * as stock from 'engine.io-parser';
import { describe, expect, it } from 'vitest';
import * as textOnly from './textOnlyEngineParser.js';

/** Packets as engine.io-client sends and receives them over a text-only protocol. */
const PACKETS = [
  { type: 'open', data: '{"sid":"abc","upgrades":[],"pingInterval":25000,"pingTimeout":20000}' },
  { type: 'close' },
  { type: 'ping' },
  { type: 'pong' },
  { type: 'ping', data: 'probe' },
  { type: 'pong', data: 'probe' },
  { type: 'message', data: '2/customer,["message:new",{"text":"Привет, 4276 ••••"}]' },
  { type: 'message', data: '' },
  { type: 'upgrade' },
  { type: 'noop' },
] as const;

/** The stock parser's synchronous callback result. */
function encodeWith(
  encode: (packet: stock.Packet, binary: boolean, callback: (data: unknown) => void) => void,
  packet: stock.Packet,
) {
  let out: unknown;
  encode(packet, true, (data) => {
    out = data;
  });
  return out;
}

describe('the text-only Engine.IO parser', () => {
  it('encodes and decodes text packets exactly as the stock parser does', () => {
    expect(textOnly.protocol).toBe(stock.protocol);
    for (const packet of PACKETS) {
      const encoded = encodeWith(stock.encodePacket, packet);
      expect(encodeWith(textOnly.encodePacket as never, packet)).toBe(encoded);
      expect(textOnly.decodePacket(encoded)).toEqual(stock.decodePacket(encoded as string));
    }
  });

  it('encodes and decodes long-polling payloads exactly as the stock parser does', () => {
    let expected = '';
    stock.encodePayload([...PACKETS], (payload) => {
      expected = payload;
    });
    let actual = '';
    textOnly.encodePayload([...PACKETS], (payload) => {
      actual = payload;
    });
    expect(actual).toBe(expected);
    expect(textOnly.decodePayload(expected)).toEqual(stock.decodePayload(expected));
    const broken = `4hello\u001e9what\u001e4never read`;
    expect(textOnly.decodePayload(broken)).toEqual(stock.decodePayload(broken));
    expect(textOnly.decodePayload(broken)).toHaveLength(2);
  });

  it('reads unknown and binary packets as the error packet, and refuses to send binary', () => {
    for (const encoded of ['', '7', 'x', 'bAQID', new Uint8Array([4, 1]) as unknown as string]) {
      expect(textOnly.decodePacket(encoded)).toEqual({ type: 'error', data: 'parser error' });
    }
    expect(() =>
      textOnly.encodePacket({ type: 'message', data: new Uint8Array([1]) }, true, () => {}),
    ).toThrow(/binary/);
  });
});
