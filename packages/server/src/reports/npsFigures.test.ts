import { describe, expect, it } from 'vitest';
import { isoWeek, npsFigures } from './npsFigures.js';

describe('npsFigures', () => {
  it('counts promoters, passives and detractors and rounds the score', () => {
    expect(npsFigures([10, 9, 8, 3])).toEqual({
      responses: 4,
      promoters: 2,
      passives: 1,
      detractors: 1,
      nps: 25,
    });
    expect(npsFigures([0, 6, 7])).toEqual({
      responses: 3,
      promoters: 0,
      passives: 1,
      detractors: 2,
      nps: -67,
    });
  });

  it('has no score without answers, and a plain zero when balanced', () => {
    expect(npsFigures([]).nps).toBeNull();
    expect(Object.is(npsFigures([10, 0]).nps, 0)).toBe(true);
  });
});

describe('isoWeek', () => {
  it.each([
    ['2026-11-22T21:30:00Z', '2026-W47'],
    ['2026-11-23T00:00:00Z', '2026-W48'],
    ['2021-01-03T12:00:00Z', '2020-W53'],
    ['2024-12-30T12:00:00Z', '2025-W01'],
    ['2026-01-01T00:00:00Z', '2026-W01'],
  ])('%s is in %s', (at, week) => {
    expect(isoWeek(at)).toBe(week);
  });
});
