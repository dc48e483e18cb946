import { afterEach, beforeEach, describe } from 'vitest';
import { accessAndLifecycleCases } from './contract/accessAndLifecycleCases.js';
import { archiveCases } from './contract/archiveCases.js';
import type { ContractContext, StoreHarness } from './contract/ContractContext.js';
import { callbackAndSurveyCases } from './contract/callbackAndSurveyCases.js';
import { complianceCases } from './contract/complianceCases.js';
import { conversationCases } from './contract/conversationCases.js';
import { handoffCases } from './contract/handoffCases.js';
import { messageCases } from './contract/messageCases.js';
import { queueCases } from './contract/queueCases.js';

export type { StoreHarness } from './contract/ContractContext.js';

/**
 * The behaviour every {@link Store} must have, as a vitest suite. Each case gets a fresh, empty
 * store from `makeStore` (the suite runs `migrate()` on it) and calls `cleanup` afterwards.
 * Nothing here knows which database is underneath: SQLite and PostgreSQL run the same cases.
 *
 * @example
 * describeStoreContract('sqlite', async () => {
 *   const file = join(tmpdir(), `parley-${randomUUID()}.sqlite`);
 *   const open = () => createSqliteStore({ file, chainKey });
 *   let store = open();
 *   return {
 *     get store() { return store; },
 *     chainKey,
 *     reopen: async () => { await store.close(); store = open(); return store; },
 *     cleanup: async () => { await store.close(); await rm(file, { force: true }); },
 *   };
 * });
 */
export function describeStoreContract(name: string, makeStore: () => Promise<StoreHarness>): void {
  describe(`Store contract: ${name}`, () => {
    // One object shared with every case group; refreshed before each case.
    const t = {} as ContractContext;

    beforeEach(async () => {
      t.harness = await makeStore();
      t.store = t.harness.store;
      t.key = t.harness.chainKey;
      await t.store.migrate();
    });

    afterEach(async () => {
      await t.harness.cleanup();
    });

    handoffCases(t);
    conversationCases(t);
    queueCases(t);
    messageCases(t);
    archiveCases(t);
    callbackAndSurveyCases(t);
    complianceCases(t);
    accessAndLifecycleCases(t);
  });
}
