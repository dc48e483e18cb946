import type { DemoAgent } from './Config.js';

/**
 * The demo's staff, all in one team: two agents, a supervisor who also takes conversations, and
 * a compliance officer for the transcript, legal-hold and erasure journeys.
 *
 * @example
 * demoAgents('social-care').map((a) => a.id); // ['alice', 'bob', 'sam', 'ewa']
 */
export function demoAgents(team: string): readonly DemoAgent[] {
  return [
    { id: 'alice', name: 'Alice', roles: ['agent'], teams: [team] },
    { id: 'bob', name: 'Bob', roles: ['agent'], teams: [team] },
    { id: 'sam', name: 'Sam', roles: ['agent', 'supervisor'], teams: [team] },
    { id: 'ewa', name: 'Ewa', roles: ['compliance'], teams: [team] },
  ];
}
