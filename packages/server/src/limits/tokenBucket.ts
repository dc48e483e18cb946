/**
 * A token bucket: `capacity` events at once, refilled at `perSecond`. Time is passed in, so
 * tests need no fake timers and there is no timer to leak.
 *
 * @example
 * const bucket = createTokenBucket(20, 10);
 * if (!bucket.take(Date.now())) refuse();
 */
export function createTokenBucket(capacity: number, perSecond: number) {
  let tokens = capacity;
  let last = 0;
  return {
    take(nowMs: number): boolean {
      if (last !== 0) tokens = Math.min(capacity, tokens + ((nowMs - last) / 1000) * perSecond);
      last = nowMs;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

/**
 * A fixed-window counter per key, for limits like "10 claims per minute per address". Windows of
 * keys not seen for a while are dropped, so memory stays bounded by the active keys.
 *
 * @example
 * const limit = createWindowLimiter(10, 60_000);
 * if (!limit.hit(address, Date.now())) throw new ParleyError('RATE_LIMITED');
 */
export function createWindowLimiter(max: number, windowMs: number) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key: string, nowMs: number): boolean {
      if (windows.size > 100_000) {
        for (const [k, w] of windows) if (nowMs - w.start >= windowMs) windows.delete(k);
      }
      const window = windows.get(key);
      if (window === undefined || nowMs - window.start >= windowMs) {
        windows.set(key, { start: nowMs, count: 1 });
        return true;
      }
      window.count += 1;
      return window.count <= max;
    },
  };
}
