import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { CALLBACK, renderWithApp } from '../../test/renderWithApp.js';
import { CallbackStatus } from './CallbackStatus.js';

describe('CallbackStatus', () => {
  it('confirms a requested call back and lets the customer cancel it', () => {
    const { chat } = renderWithApp(<CallbackStatus />, { callback: CALLBACK });
    screen.getByText('We will call you on +48601234567, Mon 23 Nov, 16:00–17:00.');
    expect(screen.getByRole('status').textContent).toBe('Requested — we will confirm the time.');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel the call back' }));
    expect(chat.cancelCallback).toHaveBeenCalledOnce();
  });

  it('follows the live state', () => {
    const { rerender } = renderWithApp(<CallbackStatus />, {
      callback: { ...CALLBACK, state: 'scheduled', scheduledFor: '2026-11-23T16:30:00.000Z' },
    });
    expect(screen.getByRole('status').textContent).toBe('Scheduled for Mon 23 Nov, 16:30.');
    rerender({ callback: { ...CALLBACK, state: 'no_answer' } });
    expect(screen.getByRole('status').textContent).toBe(
      'We could not reach you. You can request another call back.',
    );
    rerender({ callback: { ...CALLBACK, state: 'completed' } });
    expect(screen.getByRole('status').textContent).toBe('Done — we called you.');
  });

  it('after a cancelled one, offers a new request', () => {
    const { chat } = renderWithApp(<CallbackStatus />, {
      callback: { ...CALLBACK, state: 'cancelled' },
    });
    expect(screen.getByRole('status').textContent).toBe('Cancelled.');
    fireEvent.click(screen.getByRole('button', { name: 'Request a call back' }));
    expect(chat.clearCallback).toHaveBeenCalledOnce();
  });
});
