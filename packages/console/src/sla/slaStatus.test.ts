import { describe, expect, it } from 'vitest';
import { formatDuration, pendingSla, slaStatus } from './slaStatus';

describe('slaStatus', () => {
  const start = Date.parse('2026-11-22T21:00:00Z');
  const clock = {
    startedAt: '2026-11-22T21:00:00.000Z',
    deadline: '2026-11-22T21:30:00.000Z',
    firstReplyAt: null,
  };

  it('is ok before half, amber from half, red after the deadline', () => {
    expect(slaStatus(clock, start).level).toBe('ok');
    expect(slaStatus(clock, start + 15 * 60_000 - 1).level).toBe('ok');
    expect(slaStatus(clock, start + 15 * 60_000).level).toBe('half');
    expect(slaStatus(clock, start + 30 * 60_000).level).toBe('breached');
    expect(slaStatus(clock, start + 95 * 60_000).text).toBe('1:05:00 over');
  });

  it('formats durations for the inbox', () => {
    expect(formatDuration(754_000)).toBe('12:34');
    expect(formatDuration(-61_000)).toBe('1:01');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });

  it('derives a pending handoff’s clock from the channel target', () => {
    expect(pendingSla('2026-11-22T21:30:00.000Z', 15)).toEqual({
      startedAt: '2026-11-22T21:30:00.000Z',
      deadline: '2026-11-22T21:45:00.000Z',
      firstReplyAt: null,
    });
  });
});
