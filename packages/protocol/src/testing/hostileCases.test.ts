import type { GenericSchema } from 'valibot';
import { describe, expect, it } from 'vitest';
import { agentRequests } from '../events/agent.js';
import { customerRequests } from '../events/customer.js';
import { restRoutes } from '../rest/routes.js';
import { validate } from '../validate.js';
import { hostileCases } from './hostileCases.js';
import { agentSamples, customerSamples, restBodySamples, restQuerySamples } from './samples.js';

interface Target {
  name: string;
  schema: GenericSchema;
  sample: unknown;
}

const targets: Target[] = [
  ...Object.entries(customerRequests).map(([event, spec]) => ({
    name: `/customer ${event}`,
    schema: spec.payload,
    sample: customerSamples[event as keyof typeof customerSamples],
  })),
  ...Object.entries(agentRequests).map(([event, spec]) => ({
    name: `/agent ${event}`,
    schema: spec.payload,
    sample: agentSamples[event as keyof typeof agentSamples],
  })),
  ...Object.entries(restRoutes).flatMap(([route, spec]) => [
    ...('body' in spec
      ? [
          {
            name: `${route} body`,
            schema: spec.body,
            sample: restBodySamples[route as keyof typeof restBodySamples],
          },
        ]
      : []),
    ...('query' in spec
      ? [
          {
            name: `${route} query`,
            schema: spec.query,
            sample: restQuerySamples[route as keyof typeof restQuerySamples],
          },
        ]
      : []),
  ]),
];

describe('the hostile-input harness', () => {
  it('has a valid sample for every client event and every REST body and query', () => {
    for (const target of targets) expect(target.sample, target.name).toBeDefined();
    expect(targets.length).toBe(
      Object.keys(customerRequests).length +
        Object.keys(agentRequests).length +
        Object.keys(restBodySamples).length +
        Object.keys(restQuerySamples).length,
    );
  });

  describe.each(targets)('$name', ({ schema, sample }) => {
    it('accepts the valid sample', () => {
      expect(validate(schema, sample)).toMatchObject({ ok: true });
    });

    const cases = hostileCases(schema, sample);

    it('derives hostile cases for the whole payload and each field', () => {
      expect(cases.length).toBeGreaterThan(8);
    });

    it.each(cases.map((c) => [c.name, c] as const))(
      'refuses %s with VALIDATION_FAILED and the path',
      (_, hostile) => {
        const result = validate(schema, hostile.input);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.code).toBe('VALIDATION_FAILED');
        expect(result.error.message.length).toBeLessThan(300);
        expect(
          result.error.path?.startsWith(hostile.path),
          `${result.error.path} for ${hostile.path}`,
        ).toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      },
    );
  });
});
