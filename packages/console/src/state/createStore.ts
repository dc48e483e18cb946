/** A tiny observable store: the console's state lives in one object, replaced on every change. */
export interface Store<S> {
  get(): S;
  /** Merges a patch (or what a function of the current state returns) and notifies listeners. */
  set(patch: Partial<S> | ((state: S) => Partial<S>)): void;
  subscribe(listener: (state: S) => void): () => void;
}

/**
 * Creates a store. Components read it with `useStore`; the connection writes to it.
 *
 * @example
 * const store = createStore({ count: 0 });
 * store.set((s) => ({ count: s.count + 1 }));
 */
export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<(state: S) => void>();
  return {
    get: () => state,
    set(patch) {
      const next = typeof patch === 'function' ? patch(state) : patch;
      state = { ...state, ...next };
      for (const listener of [...listeners]) listener(state);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
