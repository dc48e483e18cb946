/** One shared clock tick for every SLA clock on screen. */
export interface Ticker {
  /** Calls `listener` once a second until the returned function is called. */
  subscribe(listener: () => void): () => void;
}

/**
 * A ticker that runs one interval while anything listens and none when nothing does: a hundred
 * inbox rows share one timer instead of a hundred (and the console has no other polling timer).
 *
 * @example
 * const ticker = createTicker();
 * const stop = ticker.subscribe(() => render(Date.now()));
 */
export function createTicker(intervalMs = 1_000): Ticker {
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | null = null;
  return {
    subscribe(listener) {
      listeners.add(listener);
      timer ??= setInterval(() => {
        for (const l of [...listeners]) l();
      }, intervalMs);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== null) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
  };
}

/** The console's one ticker. */
export const sharedTicker = createTicker();
