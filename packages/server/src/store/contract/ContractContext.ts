import type { Store } from '../Store.js';

/**
 * A store under test and what the contract needs around it. A store-specific test file builds
 * one per case; see `describeStoreContract`.
 */
export interface StoreHarness {
  /** A fresh store on empty storage (not yet migrated); after `reopen`, the reopened one. */
  readonly store: Store;
  /** The chain key the store was created with, to verify its archive independently. */
  readonly chainKey: Uint8Array;
  /** Closes the store (if still open) and removes its storage. */
  cleanup(): Promise<void>;
  /** Closes the store and opens a new one on the same storage, as a server restart would. */
  reopen(): Promise<Store>;
  /**
   * Optional: overwrites the `text` of one stored archive entry behind the store's back, as an
   * insider with database access might. Lets the contract prove that `listArchive` returns what
   * is stored and the chain exposes the edit.
   */
  tamperArchiveText?(conversationId: string, index: number, text: string): Promise<void>;
}

/** The state every case group reads at run time (the harness changes per case). */
export interface ContractContext {
  harness: StoreHarness;
  store: Store;
  key: Uint8Array;
}
