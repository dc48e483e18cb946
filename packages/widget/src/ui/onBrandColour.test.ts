import { describe, expect, it } from 'vitest';
import { onBrandColour } from './onBrandColour.js';

describe('onBrandColour', () => {
  it('picks the text colour with more contrast', () => {
    expect(onBrandColour('#0b5cad')).toBe('#ffffff');
    expect(onBrandColour('#ffd400')).toBe('#1b1f24');
    expect(onBrandColour('#fff')).toBe('#1b1f24');
    expect(onBrandColour('rebeccapurple')).toBe('#ffffff');
  });
});
