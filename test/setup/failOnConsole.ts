import { afterEach, beforeEach, vi } from 'vitest';

/**
 * A test fails on unexpected console output: noise in a test run hides real warnings, and a
 * stray `console.log` in library code is a bug. A test that expects output spies on the method
 * itself (`vi.spyOn(console, 'warn').mockImplementation(() => {})`), which replaces this guard.
 */
const METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;
type Method = (typeof METHODS)[number];

const unexpected: string[] = [];

beforeEach(() => {
  unexpected.length = 0;
  for (const method of METHODS) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      unexpected.push(`console.${method}: ${args.map(String).join(' ')}`);
    });
  }
});

afterEach(() => {
  const calls = unexpected.splice(0);
  for (const method of METHODS)
    (console[method as Method] as unknown as { mockRestore?: () => void }).mockRestore?.();
  if (calls.length > 0) {
    throw new Error(`Unexpected console output during the test:\n${calls.join('\n')}`);
  }
});
