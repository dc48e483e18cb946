import { describe, expect, it } from 'vitest';
import { LONGEST_STEM } from './constants.js';
import { KEYWORDS } from './keywordBefore.js';

describe('the keyword list', () => {
  it('has no stem longer than the look-up tries', () => {
    // Cyrillic entries (the odd lists) are looked up behind their '_'.
    const stems = KEYWORDS.split(' ').flatMap((list, n) =>
      list
        .split(',')
        .filter((entry) => entry.endsWith('-'))
        .map((stem) => stem.length - 1 + (n % 2)),
    );
    expect(Math.max(...stems)).toBe(LONGEST_STEM);
  });
});
