import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import '../../test/renderWithApp.js';
import { Linkified } from './Linkified.js';

describe('Linkified', () => {
  it('links http(s) only, leaves trailing punctuation outside, and never renders HTML', () => {
    const { container } = render(
      <p>
        <Linkified text="See https://bank.example/help. Not javascript:alert(1) <b>bold</b> or data:text/html,x" />
      </p>,
    );
    const links = screen.getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://bank.example/help']);
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('<b>bold</b>');
  });
});
