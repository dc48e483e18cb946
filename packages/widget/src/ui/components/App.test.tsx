import { cleanup, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { conversation, renderWithApp } from '../../test/renderWithApp.js';
import { App } from './App.js';

const CODE = 'Xq3_abcdefghijklmnopqr';

describe('App', () => {
  it('routes to the screen the state calls for', async () => {
    const { rerender } = renderWithApp(<App view={null} open />);
    screen.getByRole('heading', { name: 'How can we help?' });
    rerender({ code: CODE });
    screen.getByRole('heading', { name: 'Continue privately' });
    rerender({ code: null, linkError: 'HANDOFF_EXPIRED' });
    await screen.findByRole('heading', { name: 'This link has expired.' });
    rerender({ linkError: null, auth: 'ended' });
    await screen.findByRole('heading', {
      name: 'Your session has ended. Sign in again to continue the chat.',
    });
    rerender({
      auth: 'signedIn',
      conversation: conversation({ state: 'active', agent: { id: 'olga', name: 'Olga' } }),
    });
    screen.getByRole('textbox', { name: 'Your message' });
  });

  it('is a labelled dialog; inline, a labelled region', () => {
    renderWithApp(<App view={null} open />);
    screen.getByRole('dialog', { name: 'Private chat with the bank' });
    cleanup();
    renderWithApp(<App view={null} open />, {}, { inline: true });
    screen.getByRole('region', { name: 'Private chat with the bank' });
  });

  it('loads the call-back screen on demand', async () => {
    renderWithApp(<App view="callback" open />, { auth: 'signedIn' });
    await screen.findByLabelText('Phone number');
  });

  it('is hidden while closed', () => {
    const { container } = renderWithApp(<App view={null} open={false} />);
    expect(container.querySelector('.p')?.hasAttribute('hidden')).toBe(true);
  });
});
