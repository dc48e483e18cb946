import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/renderWithApp.js';
import { SignIn } from './SignIn.js';

describe('SignIn', () => {
  it('says what to do when the page gave the widget no way to sign in', () => {
    renderWithApp(<SignIn />, {}, { canSignIn: false });
    screen.getByText('Sign in on the bank’s website first, then open the chat again.');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers the clearly labelled demo sign-in on demo servers', async () => {
    const { chat } = renderWithApp(<SignIn />, {}, { canSignIn: false, demoSignIn: true });
    await screen.findByText('Demo mode: no real bank account is used.');
    fireEvent.input(screen.getByLabelText('Your name (demo)'), { target: { value: 'Anna' } });
    fireEvent.click(screen.getByRole('button', { name: 'Demo sign-in' }));
    expect(chat.demoSignIn).toHaveBeenCalledWith('Anna');
  });

  it('after a failed return from the bank’s login, explains and offers the browser', async () => {
    renderWithApp(<SignIn />, { loginFailed: true, code: 'Xq3_abcdefghijklmnopqr' });
    expect(screen.getByRole('alert').textContent).toContain('Sign-in did not finish.');
    await screen.findByRole('heading', { name: 'Open in your browser' });
    screen.getByText('https://chat.bank.example/h/Xq3_abcdefghijklmnopqr');
  });

  it('inside an in-app browser, offers "Open in your browser" with a link to copy', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderWithApp(<SignIn />, { code: 'Xq3_abcdefghijklmnopqr' }, { inApp: true });
    fireEvent.click(await screen.findByRole('button', { name: 'Copy link' }));
    await screen.findByText('Link copied. Paste it into your browser.');
    expect(writeText).toHaveBeenCalledWith('https://chat.bank.example/h/Xq3_abcdefghijklmnopqr');
  });
});
