import { describe, expect, it } from 'vitest';
import { isInAppBrowser } from './isInAppBrowser.js';

describe('isInAppBrowser', () => {
  it('knows the X, Facebook and Instagram in-app browsers', () => {
    expect(isInAppBrowser('Mozilla/5.0 (iPhone) Mobile/15E148 [FBAN/FBIOS;FBAV/440.0.0.1]')).toBe(
      true,
    );
    expect(isInAppBrowser('Mozilla/5.0 (Linux; Android 14) Instagram 312.0.0.0 Android')).toBe(
      true,
    );
    expect(isInAppBrowser('Mozilla/5.0 (iPhone) Mobile/15E148 Twitter for iPhone/10.60')).toBe(
      true,
    );
    expect(isInAppBrowser('Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36')).toBe(
      false,
    );
  });
});
