import { parse as stock } from 'engine.io-client';
import { describe, expect, it } from 'vitest';
import { parse } from './parseUri.js';

/** The fields the clients read, for the URIs they build from the widget's `server` option. */
const FIELDS = ['source', 'protocol', 'host', 'port', 'query', 'queryKey'] as const;

describe('parse (the URL-based URI parser)', () => {
  it('reads what the stock parser reads from the URIs the clients build', () => {
    for (const uri of [
      'https://chat.bank.example',
      'https://chat.bank.example:8443/customer',
      'http://127.0.0.1:40123/socket.io/?EIO=4&transport=polling',
      'wss://chat.bank.example/socket.io/',
      'http://[::1]:8080/customer',
    ]) {
      const ours = parse(uri);
      const theirs = stock(uri);
      for (const field of FIELDS) expect(ours[field], `${uri} ${field}`).toEqual(theirs[field]);
      // The stock parser leaves the path empty when there is none; both clients read that as '/'.
      expect(ours.path, uri).toBe(theirs.path || '/');
    }
  });

  it('reads the host of a bare host, as engine.io-client reads its `host` option', () => {
    expect(parse('chat.bank.example:8443').host).toBe(stock('chat.bank.example:8443').host);
  });

  it('leaves the default port empty, as the clients then fill in the scheme’s', () => {
    expect(parse('https://chat.bank.example:443/').port).toBe('');
  });
});
