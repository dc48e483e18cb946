import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/renderWithApp.js';
import { Home } from './Home.js';
import { SessionEnded } from './SessionEnded.js';

describe('Home', () => {
  it('signed in: starts a chat or asks for a call back', () => {
    const { chat, value } = renderWithApp(<Home />, { auth: 'signedIn', connection: 'online' });
    screen.getByRole('heading', { name: 'How can we help?' });
    fireEvent.click(screen.getByRole('button', { name: 'Start a chat' }));
    expect(chat.startChat).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Request a call back' }));
    expect(value.show).toHaveBeenCalledWith('callback');
  });

  it('signed out: the sign-in step', () => {
    renderWithApp(<Home />);
    screen.getByRole('button', { name: 'Sign in with your bank' });
  });
});

describe('SessionEnded', () => {
  it('asks the customer to sign in again', () => {
    const { chat } = renderWithApp(<SessionEnded />, { auth: 'ended' });
    screen.getByRole('heading', {
      name: 'Your session has ended. Sign in again to continue the chat.',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with your bank' }));
    expect(chat.signIn).toHaveBeenCalledOnce();
  });
});
