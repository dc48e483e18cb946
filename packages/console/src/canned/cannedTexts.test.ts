import { SUPPORTED_LOCALES, validate } from '@parley/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CannedConfigFile } from './CannedTexts';
import { defaultCannedTexts } from './defaultCannedTexts';
import { fillPlaceholders, loadCannedTexts, mergeCannedTexts } from './loadCannedTexts';

describe('canned texts', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('exist in all five languages, and the closing replies carry no personal detail', () => {
    for (const locale of SUPPORTED_LOCALES) {
      expect(defaultCannedTexts.responses[locale].length).toBeGreaterThanOrEqual(5);
      expect(defaultCannedTexts.closingReplies[locale]).not.toMatch(/\{|\d/);
      expect(defaultCannedTexts.reissueMessages[locale]).toContain('{url}');
    }
    // The defaults pass the same validation as a bank's file.
    expect(validate(CannedConfigFile, defaultCannedTexts).ok).toBe(true);
  });

  it('take the bank’s overrides per locale', () => {
    const merged = mergeCannedTexts({
      closingReplies: { nl: 'Dank je wel!' },
      responses: { en: [{ title: 'Hi', text: 'Hi {customer}' }] },
    });
    expect(merged.closingReplies.nl).toBe('Dank je wel!');
    expect(merged.closingReplies.ru).toBe(defaultCannedTexts.closingReplies.ru);
    expect(merged.responses.en).toEqual([{ title: 'Hi', text: 'Hi {customer}' }]);
    expect(
      fillPlaceholders('Hi {customer}, {agent} here {nope}', { customer: 'Anna', agent: 'Olga' }),
    ).toBe('Hi Anna, Olga here {nope}');
  });

  it('fall back to the defaults when the file is absent, and say why when it is invalid', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }),
      ),
    );
    expect(await loadCannedTexts('/console/')).toEqual({
      texts: defaultCannedTexts,
      warning: null,
    });

    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json({ closingReplies: { en: 'x'.repeat(300) } })),
    );
    const refused = await loadCannedTexts('/console/');
    expect(refused.texts).toBe(defaultCannedTexts);
    expect(refused.warning).toMatch(/closingReplies\.en/);

    const fetchMock = vi.fn(async () =>
      Response.json({ reissueMessages: { pl: 'Nowy link: {url}' } }),
    );
    vi.stubGlobal('fetch', fetchMock);
    expect((await loadCannedTexts('/console/')).texts.reissueMessages.pl).toBe('Nowy link: {url}');
    expect(fetchMock).toHaveBeenCalledWith('/console/config/canned.json', { credentials: 'omit' });
  });
});
