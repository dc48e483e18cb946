import { describe, expect, it } from 'vitest';
import { createFormat } from './format.js';

describe('createFormat', () => {
  it('writes opening hours with localised day names', () => {
    const hours = {
      timeZone: 'Europe/Moscow',
      weekly: [
        { days: [1, 2, 3, 4, 5], from: '09:00', to: '21:00' },
        { days: [6, 7], from: '10:00', to: '18:00' },
        { days: [1, 3], from: '22:00', to: '23:00' },
      ],
      openNow: true,
    };
    expect(createFormat('en', 'UTC').hours(hours)).toBe(
      'Mon–Fri 09:00–21:00; Sat–Sun 10:00–18:00; Mon, Wed 22:00–23:00 (Europe/Moscow)',
    );
    expect(createFormat('ru', 'UTC').hours(hours)).toContain('пн–пт 09:00–21:00');
  });

  it('names today and yesterday in the customer’s language', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    const ru = createFormat('ru', 'UTC');
    expect(ru.day('2026-11-22T08:00:00Z', now)).toBe('Сегодня');
    expect(ru.day('2026-11-21T08:00:00Z', now)).toBe('Вчера');
    expect(createFormat('nl', 'UTC').day('2026-11-21T08:00:00Z', now)).toBe('Gisteren');
    expect(createFormat('pl', 'UTC').day('2026-11-23T08:00:00Z', now)).toBe('Jutro');
  });
});
