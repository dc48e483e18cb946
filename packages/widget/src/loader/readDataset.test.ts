import { describe, expect, it } from 'vitest';
import { readDataset } from './readDataset.js';

describe('readDataset', () => {
  it('turns data-parley-* attributes into options', () => {
    const script = document.createElement('script');
    script.setAttribute('data-parley-mode', 'inline');
    script.setAttribute('data-parley-container', '#parley-chat');
    script.setAttribute('data-parley-login-url', 'https://bank.example/login');
    script.setAttribute('data-parley-brand', '#ffd400');
    script.setAttribute('data-parley-demo-sign-in', 'true');
    script.setAttribute('data-other', 'x');
    expect(readDataset(script.dataset)).toEqual({
      mode: 'inline',
      container: '#parley-chat',
      loginUrl: 'https://bank.example/login',
      brand: '#ffd400',
      theme: { brand: '#ffd400' },
      demoSignIn: true,
    });
  });

  it('is null without any', () => {
    expect(readDataset(document.createElement('script').dataset)).toBeNull();
  });
});
