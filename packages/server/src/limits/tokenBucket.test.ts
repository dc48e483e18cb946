import { describe, expect, it } from 'vitest';
import { createTokenBucket, createWindowLimiter } from './tokenBucket.js';

describe('createTokenBucket', () => {
  it('allows a burst up to capacity, then refills over time', () => {
    const bucket = createTokenBucket(3, 1);
    expect([bucket.take(1000), bucket.take(1000), bucket.take(1000), bucket.take(1000)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(bucket.take(1500)).toBe(false);
    expect(bucket.take(2000)).toBe(true);
  });
});

describe('createWindowLimiter', () => {
  it('counts per key within a window', () => {
    const limit = createWindowLimiter(2, 60_000);
    expect([limit.hit('a', 0), limit.hit('a', 1), limit.hit('a', 2), limit.hit('b', 3)]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    expect(limit.hit('a', 60_000)).toBe(true);
  });
});
