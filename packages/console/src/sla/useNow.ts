import { useEffect, useState } from 'preact/hooks';
import { sharedTicker, type Ticker } from './createTicker';

/**
 * The current time in ms, re-rendering the component on each tick of the shared ticker.
 *
 * @example
 * const now = useNow();
 * const status = slaStatus(conversation.sla, now);
 */
export function useNow(ticker: Ticker = sharedTicker): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => ticker.subscribe(() => setNow(Date.now())), [ticker]);
  return now;
}
