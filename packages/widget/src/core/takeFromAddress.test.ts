import { afterEach, describe, expect, it } from 'vitest';
import { takeFromAddress } from './takeFromAddress.js';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln';

describe('takeFromAddress', () => {
  afterEach(() => history.replaceState(null, '', '/'));

  it('takes a handoff code out of the address bar', () => {
    history.replaceState(null, '', '/accounts?tab=1#parley=Xq3_abcdefghijklmnopqr');
    expect(takeFromAddress()).toEqual({ code: 'Xq3_abcdefghijklmnopqr', token: null });
    expect(location.hash).toBe('');
    expect(location.pathname + location.search).toBe('/accounts?tab=1');
  });

  it('takes a returned identity token out of the address bar', () => {
    history.replaceState(null, '', `/chat#parley-token=${TOKEN}`);
    expect(takeFromAddress()).toEqual({ code: null, token: TOKEN });
    expect(location.hash).toBe('');
  });

  it('ignores other fragments and malformed codes (but still removes a malformed one)', () => {
    history.replaceState(null, '', '/#section-2');
    expect(takeFromAddress()).toEqual({ code: null, token: null });
    expect(location.hash).toBe('#section-2');
    history.replaceState(null, '', '/#parley=short');
    expect(takeFromAddress()).toEqual({ code: null, token: null });
  });

  it('is linear on hostile input', () => {
    history.replaceState(null, '', `/#parley-token=${'a.'.repeat(50_000)}!`);
    const started = performance.now();
    takeFromAddress();
    expect(performance.now() - started).toBeLessThan(100);
  });
});
