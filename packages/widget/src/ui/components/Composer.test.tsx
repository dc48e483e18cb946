import { MESSAGE_TEXT_MAX } from '@parley/protocol';
import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/renderWithApp.js';
import { Composer } from './Composer.js';

describe('Composer', () => {
  it('sends on Enter, breaks the line on Shift+Enter, and signals typing', () => {
    const { chat } = renderWithApp(<Composer />);
    const box = screen.getByRole('textbox', { name: 'Your message' }) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'Hello' } });
    expect(chat.typing).toHaveBeenCalledWith(true);
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(chat.send).not.toHaveBeenCalled();
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(chat.send).toHaveBeenCalledWith('Hello');
    expect(box.value).toBe('');
  });

  it('explains inline when the redaction engine hid a number', async () => {
    const { chat } = renderWithApp(<Composer />);
    chat.send.mockReturnValue(true);
    fireEvent.input(screen.getByRole('textbox'), { target: { value: 'card 4276380012345679' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByText('Never share full card or account numbers — we hid it before sending.');
  });

  it('refuses an empty or over-long message, saying by how much', () => {
    const { chat } = renderWithApp(<Composer />);
    const send = screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.input(screen.getByRole('textbox'), {
      target: { value: 'x'.repeat(MESSAGE_TEXT_MAX + 2) },
    });
    expect(screen.getByRole('alert').textContent).toBe('Shorten your message by 2 characters.');
    expect(screen.getByRole('textbox').getAttribute('aria-invalid')).toBe('true');
    fireEvent.keyDown(screen.getByRole('textbox'), { key: 'Enter' });
    expect(chat.send).not.toHaveBeenCalled();
  });
});
