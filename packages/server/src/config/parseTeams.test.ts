import { describe, expect, it } from 'vitest';
import { parseTeams } from './parseTeams.js';

const HOURS = {
  timeZone: 'Europe/Amsterdam',
  weekly: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '22:00' }],
};

describe('parseTeams', () => {
  it('parses teams with and without opening hours', () => {
    const raw = JSON.stringify([
      { id: 'social-care', name: 'Social care', openingHours: HOURS },
      { id: 'cards', name: 'Cards', openingHours: null },
    ]);
    expect(parseTeams(raw)).toEqual({
      ok: true,
      value: [
        { id: 'social-care', name: 'Social care', openingHours: HOURS },
        { id: 'cards', name: 'Cards', openingHours: null },
      ],
    });
  });

  it.each([
    ['not JSON', '{', 'valid JSON'],
    ['an empty list', '[]', 'list of 1–100'],
    [
      'a duplicate id',
      JSON.stringify([
        { id: 'a', name: 'A' },
        { id: 'a', name: 'B' },
      ]),
      'used twice',
    ],
    ['a bad id', JSON.stringify([{ id: 'has space', name: 'A' }]), '[0].id'],
    ['an unknown field', JSON.stringify([{ id: 'a', name: 'A', colour: 'red' }]), 'unknown field'],
    [
      'an unknown time zone',
      JSON.stringify([
        { id: 'a', name: 'A', openingHours: { ...HOURS, timeZone: 'Mars/Olympus' } },
      ]),
      'not a known IANA time zone',
    ],
    [
      'a bad clock time',
      JSON.stringify([
        {
          id: 'a',
          name: 'A',
          openingHours: { ...HOURS, weekly: [{ days: [1], from: '8', to: '22:00' }] },
        },
      ]),
      'weekly.0.from',
    ],
    [
      'a range ending before it starts',
      JSON.stringify([
        {
          id: 'a',
          name: 'A',
          openingHours: { ...HOURS, weekly: [{ days: [1], from: '22:00', to: '08:00' }] },
        },
      ]),
      '"from" before "to"',
    ],
    [
      'a repeated day',
      JSON.stringify([
        {
          id: 'a',
          name: 'A',
          openingHours: { ...HOURS, weekly: [{ days: [1, 1], from: '08:00', to: '09:00' }] },
        },
      ]),
      'distinct days',
    ],
  ])('refuses %s', (_, raw, reason) => {
    const parsed = parseTeams(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});
