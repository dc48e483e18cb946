import { useEffect, useRef, useState } from 'preact/hooks';
import type { Store } from './createStore';

/**
 * The part of a store's state a component needs; the component re-renders only when that part
 * changes (compared with `Object.is`, so selectors return stored objects, not fresh ones). The
 * latest selector is always used, so it may depend on props.
 *
 * @example
 * const connection = useStore(store, (s) => s.connection);
 */
export function useStore<S extends object, T>(store: Store<S>, select: (state: S) => T): T {
  const value = select(store.get());
  const latest = useRef({ select, value });
  latest.current = { select, value };
  const [, rerender] = useState(0);
  useEffect(
    () =>
      store.subscribe((state) => {
        if (!Object.is(latest.current.select(state), latest.current.value)) rerender((n) => n + 1);
      }),
    [store],
  );
  return value;
}
