import * as stock from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { Decoder, Encoder, PacketType } from './textOnlyParser.js';

const PACKETS = [
  { type: 0, nsp: '/customer', data: { token: 'a.b.c', v: 1 } },
  { type: 0, nsp: '/customer', data: { sid: 'abc' } },
  { type: 1, nsp: '/customer' },
  { type: 2, nsp: '/customer', data: ['message:new', { text: 'Привет, 4276 ••••' }] },
  { type: 2, nsp: '/customer', id: 12, data: ['message:send', { text: 'x' }] },
  { type: 3, nsp: '/customer', id: 12, data: [{ ok: true, data: { seq: 3 } }] },
  { type: 4, nsp: '/customer', data: { message: 'refused', data: { code: 'UNAUTHENTICATED' } } },
  { type: 2, nsp: '/', data: ['hello', 1, null] },
];

/** What both decoders offer, loosely typed: the stock one's `on` is generic over its events. */
interface Decodes {
  on(event: string, listener: (packet: unknown) => void): unknown;
  add(chunk: string): void;
}

function decodeWith(decoder: unknown, text: string) {
  let packet: unknown;
  (decoder as Decodes).on('decoded', (p) => {
    packet = p;
  });
  (decoder as Decodes).add(text);
  return packet;
}

describe('the text-only Socket.IO parser', () => {
  it('encodes exactly as the stock parser does', () => {
    for (const packet of PACKETS)
      expect(new Encoder().encode(packet)).toEqual(new stock.Encoder().encode(packet));
  });

  it('decodes exactly as the stock parser does', () => {
    for (const packet of PACKETS) {
      const [text] = new stock.Encoder().encode(packet);
      expect(decodeWith(new Decoder(), text as string)).toEqual(
        decodeWith(new stock.Decoder(), text as string),
      );
    }
  });

  it('refuses what the stock parser refuses, and binary packets', () => {
    for (const text of [
      '9',
      '2/customer,["connect"]',
      '2/customer,{"a":1}',
      '0/customer,[1]',
      '2/customer,not json',
      '51-["a",{"_placeholder":true,"num":0}]',
    ]) {
      expect(() => new Decoder().add(text), text).toThrow();
    }
    expect(() => new Decoder().add(new Uint8Array([1]) as unknown as string)).toThrow();
    expect(PacketType.EVENT).toBe(stock.PacketType.EVENT);
  });
});
