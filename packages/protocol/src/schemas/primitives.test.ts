import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { resolveLocale } from '../locales.js';
import { validate } from '../validate.js';
import { CallbackWindow } from './callback.js';
import { ConversationStatus } from './conversation.js';
import { IsoTime, label, text } from './primitives.js';

describe('text and labels', () => {
  it('accept every script the customers write in', () => {
    const mixed = 'Здравствуйте, dzień dobry, здравейте, goedendag 👋';
    expect(v.parse(text(100), mixed)).toBe(mixed);
  });

  it('refuse line breaks in a label but not in text', () => {
    expect(v.safeParse(label(), 'Anna\nK').success).toBe(false);
    expect(v.safeParse(text(20), 'Anna\nK').success).toBe(true);
  });
});

describe('IsoTime', () => {
  it('refuses times that match the shape but not the calendar', () => {
    expect(v.safeParse(IsoTime, '2026-13-45T99:00:00Z').success).toBe(false);
    expect(v.safeParse(IsoTime, '2026-11-22T21:30:00Z').success).toBe(true);
  });
});

describe('resolveLocale', () => {
  it('maps a language tag to a supported locale, or the fallback', () => {
    expect(resolveLocale('ru-RU')).toBe('ru');
    expect(resolveLocale('NL')).toBe('nl');
    expect(resolveLocale('de-DE')).toBe('en');
    expect(resolveLocale(undefined, 'pl')).toBe('pl');
    expect(resolveLocale(undefined)).toBe('en');
    expect(resolveLocale('zh-Hant-TW')).toBe('en');
  });
});

describe('CallbackWindow', () => {
  it('refuses a window that ends before it starts', () => {
    const result = validate(CallbackWindow, {
      from: '2026-11-23T17:00:00Z',
      to: '2026-11-23T15:00:00Z',
      timeZone: 'Europe/Moscow',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('ConversationStatus', () => {
  it('makes an active conversation without an agent unrepresentable', () => {
    expect(v.safeParse(ConversationStatus, { state: 'active' }).success).toBe(false);
    expect(
      v.safeParse(ConversationStatus, { state: 'active', agent: { id: 'olga', name: 'Olga' } })
        .success,
    ).toBe(true);
  });
});

describe('validate', () => {
  it('never echoes the refused input back in the message', () => {
    const secret = '4111111111111111';
    const result = validate(v.strictObject({ n: v.number() }), { n: secret });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).not.toContain(secret);
      expect(result.error.path).toBe('n');
    }
  });

  it('turns a throwing getter into VALIDATION_FAILED instead of an exception', () => {
    const hostile = Object.defineProperty({}, 'n', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(validate(v.strictObject({ n: v.number() }), hostile)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });
});
