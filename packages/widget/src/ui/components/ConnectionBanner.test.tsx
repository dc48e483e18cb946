import { screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/renderWithApp.js';
import { ConnectionBanner } from './ConnectionBanner.js';

describe('ConnectionBanner', () => {
  it.each([
    ['connecting', 'Connecting…'],
    [
      'reconnecting',
      'Connection lost. Reconnecting… Your messages will be sent when you are back.',
    ],
    ['offline', 'You are offline. Messages you write now will be sent when you are back online.'],
  ] as const)('%s', (connection, text) => {
    renderWithApp(<ConnectionBanner />, { connection });
    expect(screen.getByRole('status').textContent).toBe(text);
  });

  it('is absent when online', () => {
    renderWithApp(<ConnectionBanner />, { connection: 'online' });
    expect(screen.queryByRole('status')).toBeNull();
  });
});
