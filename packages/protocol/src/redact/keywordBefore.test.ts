import { describe, expect, it } from 'vitest';
import { LONGEST_STEM } from './constants.js';
import { KEYWORDS } from './keywordBefore.js';

describe('the keyword list', () => {
  it('has no stem longer than the look-up tries', () => {
    const stems = KEYWORDS.split(/[| ]/).filter((entry) => entry.endsWith('*'));
    expect(Math.max(...stems.map((stem) => stem.length - 1))).toBe(LONGEST_STEM);
  });
});
