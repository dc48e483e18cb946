import { describe, expect, it } from 'vitest';
import { zonedTimeToUtc } from './zonedTimeToUtc';

describe('zonedTimeToUtc', () => {
  it('reads a wall-clock time in the customer’s zone', () => {
    expect(zonedTimeToUtc('2026-11-24', '18:00', 'Europe/Moscow')).toBe('2026-11-24T15:00:00.000Z');
    expect(zonedTimeToUtc('2026-11-24', '18:00', 'Europe/Warsaw')).toBe('2026-11-24T17:00:00.000Z');
    expect(zonedTimeToUtc('2026-07-01', '09:30', 'Europe/Amsterdam')).toBe(
      '2026-07-01T07:30:00.000Z',
    );
  });

  it('refuses an unknown zone or a malformed time', () => {
    expect(zonedTimeToUtc('2026-11-24', '18:00', 'Mars/Olympus')).toBeNull();
    expect(zonedTimeToUtc('2026-11-24', 'soon', 'Europe/Moscow')).toBeNull();
  });
});
