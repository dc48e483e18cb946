import { describe, expect, it } from 'vitest';
import { isOpen } from './openingHours.js';

const amsterdam = {
  timeZone: 'Europe/Amsterdam',
  weekly: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '22:00' }],
};

describe('isOpen', () => {
  it('reads the hours in the team’s time zone, not UTC', () => {
    // Monday 2026-11-23 07:30 UTC is 08:30 in Amsterdam (CET, UTC+1).
    expect(isOpen(amsterdam, new Date('2026-11-23T07:30:00Z'))).toBe(true);
    // Monday 06:30 UTC is 07:30 in Amsterdam: not yet open.
    expect(isOpen(amsterdam, new Date('2026-11-23T06:30:00Z'))).toBe(false);
  });

  it('follows daylight saving time', () => {
    // Monday 2026-06-01 06:30 UTC is 08:30 in Amsterdam (CEST, UTC+2).
    expect(isOpen(amsterdam, new Date('2026-06-01T06:30:00Z'))).toBe(true);
  });

  it('is closed at the weekend and at the closing minute', () => {
    expect(isOpen(amsterdam, new Date('2026-11-22T12:00:00Z'))).toBe(false);
    expect(isOpen(amsterdam, new Date('2026-11-23T21:00:00Z'))).toBe(false);
  });
});
