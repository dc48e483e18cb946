import type { SlaWarning } from '@parley/protocol';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handoffInput, publicThread } from './fixtures.js';
import { ok, startTestServer, type TestServer } from './harness.js';

describe('SLA warnings', () => {
  let t: TestServer;
  beforeAll(async () => {
    // X's SLA is 30 minutes here: a post 20 minutes old is past half of it, one 40 minutes old
    // past all of it, and one 5 minutes old nowhere near.
    t = await startTestServer({ PARLEY_SLA_X_MINUTES: '30' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('warns the agent once at half the SLA and once at the breach, and never for a fresh post', async () => {
    const olga = await t.agent('olga', { name: 'Olga' });
    const warnings: SlaWarning[] = [];
    olga.on('sla:warning', (warning) => warnings.push(warning));
    const claim = async (customer: string, minutesAgo: number) => {
      const created = await ok(
        olga.emitWithAck('handoff:create', handoffInput({ thread: publicThread(minutesAgo) })),
      );
      const socket = await t.customer(customer, customer);
      const { conversation } = await ok(
        socket.emitWithAck('handoff:claim', { code: created.code }),
      );
      return conversation.id;
    };
    const half = await claim('cust-half', 20);
    const breached = await claim('cust-breached', 40);
    const fresh = await claim('cust-fresh', 5);

    await vi.waitFor(() =>
      expect(warnings.map((w) => [w.conversationId, w.level])).toEqual(
        expect.arrayContaining([
          [half, 'half'],
          [breached, 'breached'],
        ]),
      ),
    );
    // Several more sweeps (every 100 ms here) repeat nothing and add nothing for the fresh one.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(warnings).toHaveLength(2);
    expect(warnings.some((w) => w.conversationId === fresh)).toBe(false);
  });
});
