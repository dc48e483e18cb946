import { ConsoleConfig, DemoAgentToken } from '@parley/protocol';
import { type RestResult, restRequest } from './restRequest';

/**
 * What the console needs before anyone signs in: demo or not, where to sign in, teams, SLA
 * targets. Public; the server answers without a token.
 *
 * @example
 * const config = await fetchConsoleConfig();
 */
export function fetchConsoleConfig(): Promise<RestResult<ConsoleConfig>> {
  return restRequest(ConsoleConfig, '/v1/console/config');
}

/**
 * Demo mode only: a token for one of the demo agents.
 *
 * @example
 * const minted = await mintDemoAgentToken('alice');
 */
export function mintDemoAgentToken(agentId: string) {
  return restRequest(DemoAgentToken, '/v1/demo/agent-token', {
    method: 'POST',
    body: { agentId },
  });
}
