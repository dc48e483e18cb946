import { describe, expect, it } from 'vitest';
import type { ContractContext } from './ContractContext.js';
import { at, entry, id, makeConversation, makeQueued } from './fixtures.js';

/** The team queue: positions ordered by `queuedAt` then id, and per-team statistics. */
export function queueCases(t: ContractContext): void {
  describe('team queue', () => {
    it('orders a team queue by queuedAt, then id, and ignores other teams and states', async () => {
      const first = makeQueued('care', at(1));
      const tieA = makeQueued('care', at(2), 'cv_AAAAAAAAAAAAAAAAAAAAAA');
      const tieB = makeQueued('care', at(2), 'cv_BBBBBBBBBBBBBBBBBBBBBB');
      const otherTeam = makeQueued('cards', at(0));
      const active = makeConversation({ team: 'care' });
      // Inserted out of order, so insertion order cannot pass for queue order.
      for (const c of [tieB, otherTeam, tieA, active, first])
        await t.store.insertConversation(c, []);

      expect(await t.store.queuePosition(first.id)).toBe(1);
      expect(await t.store.queuePosition(tieA.id)).toBe(2);
      expect(await t.store.queuePosition(tieB.id)).toBe(3);
      expect(await t.store.queuePosition(otherTeam.id)).toBe(1);
      expect(await t.store.queuePosition(active.id)).toBeNull();
      expect(await t.store.queuePosition(id('cv'))).toBeNull();

      await t.store.transitionConversation(
        first.id,
        { from: ['queued'] },
        { state: 'active', agentId: 'olga', agentName: 'Olga', queuedAt: null },
        entry('assigned'),
      );
      expect(await t.store.queuePosition(first.id)).toBeNull();
      expect(await t.store.queuePosition(tieA.id)).toBe(1);
      expect(await t.store.queuePosition(tieB.id)).toBe(2);
    });

    it('reports the size of a team queue and when its oldest entry joined', async () => {
      for (const c of [
        makeQueued('care', at(7)),
        makeQueued('care', at(3)),
        makeQueued('cards', at(1)),
      ]) {
        await t.store.insertConversation(c, []);
      }
      await t.store.insertConversation(makeConversation({ team: 'care' }), []);
      expect(await t.store.queueStats('care')).toEqual({ size: 2, oldestSince: at(3) });
      expect(await t.store.queueStats('cards')).toEqual({ size: 1, oldestSince: at(1) });
      expect(await t.store.queueStats('nobody')).toEqual({ size: 0, oldestSince: null });
    });
  });
}
