import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/renderWithApp.js';
import { HandoffScreen } from './HandoffScreen.js';

const CODE = 'Xq3_abcdefghijklmnopqr';
const PREVIEW = {
  agentName: 'Olga',
  teamName: 'Social care',
  channel: 'x' as const,
  expiresAt: '2026-11-23T21:00:00.000Z',
};

describe('HandoffScreen', () => {
  it('checks the link before anything else', () => {
    renderWithApp(<HandoffScreen />, { code: CODE });
    expect(screen.getByRole('status').textContent).toBe('Checking your link…');
  });

  it('names the agent and the channel, then asks the customer to sign in', () => {
    const { chat } = renderWithApp(<HandoffScreen />, { code: CODE, preview: PREVIEW });
    screen.getByText('You will continue with Olga (Social care), who answered you on X.');
    screen.getByText(
      'This chat is recorded. Never share your PIN, passwords or full card numbers.',
    );
    expect(screen.queryByRole('button', { name: 'Continue privately' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with your bank' }));
    expect(chat.signIn).toHaveBeenCalledOnce();
  });

  it('names the team when the agent has no display name', () => {
    renderWithApp(<HandoffScreen />, {
      code: CODE,
      preview: { ...PREVIEW, agentName: null, channel: 'facebook' },
    });
    screen.getByText(
      'You will continue with our team (Social care), who answered you on Facebook.',
    );
  });

  it('offers "Continue privately" once signed in and connected, and it claims', () => {
    const { chat } = renderWithApp(<HandoffScreen />, {
      code: CODE,
      preview: PREVIEW,
      auth: 'signedIn',
      customerName: 'Anna Kuznetsova',
      connection: 'online',
    });
    screen.getByText('Signed in as Anna Kuznetsova');
    fireEvent.click(screen.getByRole('button', { name: 'Continue privately' }));
    expect(chat.claim).toHaveBeenCalledOnce();
  });

  it('disables the button while connecting and while claiming', () => {
    const { rerender } = renderWithApp(<HandoffScreen />, {
      code: CODE,
      preview: PREVIEW,
      auth: 'signedIn',
      connection: 'connecting',
    });
    expect(
      (screen.getByRole('button', { name: 'Continue privately' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    rerender({ connection: 'online', claiming: true });
    expect(
      (screen.getByRole('button', { name: 'Opening your private chat…' }) as HTMLButtonElement)
        .disabled,
    ).toBe(true);
  });

  it('shows the sign-in progress', () => {
    renderWithApp(<HandoffScreen />, { code: CODE, preview: PREVIEW, auth: 'signingIn' });
    screen.getByText('Signing you in…');
  });

  it('is in Russian for a Russian customer', async () => {
    const { default: ru } = await import('../../i18n/ru.js');
    renderWithApp(
      <HandoffScreen />,
      { code: CODE, preview: PREVIEW },
      { locale: 'ru', catalog: ru },
    );
    screen.getByText(
      'С вами продолжит разговор Olga (Social care) — тот же сотрудник, что ответил вам в X.',
    );
    screen.getByRole('button', { name: 'Войти в банк' });
  });
});
