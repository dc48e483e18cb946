import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/renderWithApp.js';
import { LinkGone } from './LinkGone.js';

describe('LinkGone', () => {
  it.each([
    ['HANDOFF_EXPIRED', 'This link has expired.'],
    ['HANDOFF_ALREADY_CLAIMED', 'This link has already been used.'],
    ['HANDOFF_REVOKED', 'The bank withdrew this link.'],
    ['HANDOFF_NOT_FOUND', 'This link is not valid.'],
  ] as const)('%s: says what happened and offers two ways forward', (code, heading) => {
    const { chat, value } = renderWithApp(<LinkGone code={code} />, { auth: 'signedIn' });
    screen.getByRole('heading', { name: heading });
    screen.getByText('You can start a new private chat, or ask us to call you back.');
    fireEvent.click(screen.getByRole('button', { name: 'Start a new chat' }));
    expect(chat.startChat).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Request a call back' }));
    expect(value.show).toHaveBeenCalledWith('callback');
  });

  it('signs the customer in first when they are not', () => {
    const { chat } = renderWithApp(<LinkGone code="HANDOFF_EXPIRED" />);
    fireEvent.click(screen.getByRole('button', { name: 'Start a new chat' }));
    expect(chat.signIn).toHaveBeenCalledOnce();
  });
});
