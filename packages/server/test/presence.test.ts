import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestServer, type TestServer } from './harness.js';

/** Who is on shift, as `agent:list` tells a colleague picking someone to transfer to. */
describe('agent presence', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.stop();
  });

  const names = async (agent: Awaited<ReturnType<TestServer['agent']>>) =>
    (await ok(agent.emitWithAck('agent:list', {}))).map((entry) => `${entry.id}@${entry.team}`);

  it('lists colleagues by team, and follows a refreshed token into the agent’s new team', async () => {
    const olga = await t.agent('olga', { teams: ['social-care'] });
    const piotr = await t.agent('piotr', { teams: ['social-care'] });
    const fiona = await t.agent('fiona', { teams: ['fraud'] });
    expect(await names(piotr)).toContain('olga@social-care');
    expect(await names(fiona)).not.toContain('olga@social-care');

    // Olga moves to the fraud team; her console refreshes its token without reconnecting.
    const moved = t.mint.agentToken('olga', { name: 'Olga', roles: ['agent'], teams: ['fraud'] });
    await ok(olga.emitWithAck('session:refresh', { token: moved.token }));
    expect(await names(piotr)).not.toContain('olga@social-care');
    expect(await names(fiona)).toContain('olga@fraud');
  });
});
