import { describe, expect, it } from 'vitest';
import { message, renderWithApp } from '../../test/renderWithApp.js';
import { LiveRegion } from './LiveRegion.js';

describe('LiveRegion', () => {
  it('announces new messages from the bank, not the history', () => {
    const { container, rerender } = renderWithApp(<LiveRegion />, {
      messages: [message(1, 'agent', 'old news')],
    });
    const region = container.querySelector('[aria-live="polite"]');
    expect(region?.textContent).toBe('');
    rerender({ messages: [message(1, 'agent', 'old news'), message(2, 'customer', 'mine')] });
    expect(region?.textContent).toBe('');
    rerender({
      messages: [
        message(1, 'agent', 'old news'),
        message(2, 'customer', 'mine'),
        message(3, 'agent', 'fresh'),
      ],
    });
    expect(region?.textContent).toBe('New message from Olga: fresh');
  });
});
