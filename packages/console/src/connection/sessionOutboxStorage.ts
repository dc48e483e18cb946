import type { OutboxItem, OutboxStorage } from '@parley/client';

/**
 * Keeps an outbox in `sessionStorage`, so a reload in the middle of a network drop sends the
 * waiting messages once the console is back (same `clientMsgId`, so never twice).
 *
 * @example
 * createOutbox({ send, storage: sessionOutboxStorage('parley.console.outbox.olga') });
 */
export function sessionOutboxStorage(key: string): OutboxStorage {
  return {
    load() {
      try {
        const raw = sessionStorage.getItem(key);
        const items: unknown = raw === null ? [] : JSON.parse(raw);
        return Array.isArray(items) ? (items as OutboxItem[]) : [];
      } catch {
        return [];
      }
    },
    save(items) {
      try {
        sessionStorage.setItem(key, JSON.stringify(items));
      } catch {
        // The items stay in memory; only a reload would lose them.
      }
    },
  };
}
