import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { CALLBACK, renderWithApp } from '../../test/renderWithApp.js';
import { CallbackScreen } from './CallbackScreen.js';

describe('CallbackScreen', () => {
  it('asks the customer to sign in first', () => {
    renderWithApp(<CallbackScreen />);
    screen.getByRole('button', { name: 'Sign in with your bank' });
  });

  it('shows the form, or the status of the one requested, and goes back', () => {
    const { value, rerender } = renderWithApp(<CallbackScreen />, { auth: 'signedIn' });
    screen.getByLabelText('Phone number');
    rerender({ callback: CALLBACK });
    screen.getByRole('button', { name: 'Cancel the call back' });
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(value.show).toHaveBeenCalledWith(null);
  });
});
