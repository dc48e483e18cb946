import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/renderWithApp.js';
import { ErrorNotice } from './ErrorNotice.js';

describe('ErrorNotice', () => {
  it('tells the customer what to do and can be dismissed', () => {
    const { chat } = renderWithApp(<ErrorNotice />, { authError: 'errorNetwork' });
    expect(screen.getByRole('alert').textContent).toContain(
      'We could not reach the bank. Check your connection and try again.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(chat.dismissError).toHaveBeenCalledOnce();
  });
});
