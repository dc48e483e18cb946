import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { conversation, renderWithApp } from '../../test/renderWithApp.js';
import { Header } from './Header.js';

describe('Header', () => {
  it('names the agent, minimises, and ends the chat after asking once', async () => {
    const { chat, value } = renderWithApp(<Header />, {
      auth: 'signedIn',
      conversation: conversation({ state: 'active', agent: { id: 'olga', name: 'Olga' } }),
    });
    screen.getByText('You are talking to Olga');
    fireEvent.click(screen.getByRole('button', { name: 'Minimise chat' }));
    expect(value.close).toHaveBeenCalledOnce();
    const menu = screen.getByRole('button', { name: 'More options' });
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'End chat' }));
    await screen.findByText('End this chat? You can start a new one at any time.');
    fireEvent.click(screen.getByRole('button', { name: 'End chat' }));
    expect(chat.endChat).toHaveBeenCalledOnce();
  });

  it('opens the call-back form from the menu', () => {
    const { value } = renderWithApp(<Header />, { auth: 'signedIn' });
    fireEvent.click(screen.getByRole('button', { name: 'More options' }));
    fireEvent.click(screen.getByRole('button', { name: 'Request a call back' }));
    expect(value.show).toHaveBeenCalledWith('callback');
  });

  it('inline, cannot be minimised', () => {
    renderWithApp(<Header />, {}, { inline: true });
    expect(screen.queryByRole('button', { name: 'Minimise chat' })).toBeNull();
  });
});
