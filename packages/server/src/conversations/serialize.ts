/**
 * Runs tasks for one key one after another within this process. Sends to one conversation are
 * serialised so that the split-number check sees the previous message stored; across nodes the
 * store's gap-free `seq` keeps order, and the check rebuilds from the store.
 *
 * @example
 * const serial = createSerializer();
 * await serial(conversationId, () => sendOne());
 */
export function createSerializer() {
  const tails = new Map<string, Promise<unknown>>();
  return function serial<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, settled);
    // Forget the key once nothing is queued behind this task, so the map does not grow.
    void settled.then(() => {
      if (tails.get(key) === settled) tails.delete(key);
    });
    return next;
  };
}
