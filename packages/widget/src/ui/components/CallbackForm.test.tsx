import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/renderWithApp.js';
import { CallbackForm } from './CallbackForm.js';

describe('CallbackForm', () => {
  it('prefills the phone from the bank’s token', () => {
    renderWithApp(<CallbackForm />, { phone: '+48601234567' });
    expect((screen.getByLabelText('Phone number') as HTMLInputElement).value).toBe('+48601234567');
  });

  it('otherwise starts with the country code of the locale', async () => {
    const { default: ru } = await import('../../i18n/ru.js');
    renderWithApp(<CallbackForm />, {}, { locale: 'ru', catalog: ru });
    expect((screen.getByLabelText('Номер телефона') as HTMLInputElement).value).toMatch(/^\+\d+ $/);
    screen.getByText('С кодом страны, например +7 916 123-45-67.');
  });

  it('explains each invalid field beside it and focuses the first', async () => {
    const { chat } = renderWithApp(<CallbackForm />, { phone: '12' });
    fireEvent.change(screen.getAllByRole('combobox')[1] as HTMLSelectElement, {
      target: { value: '600' },
    });
    fireEvent.change(screen.getAllByRole('combobox')[2] as HTMLSelectElement, {
      target: { value: '540' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Request call back' }));
    const phone = screen.getByLabelText('Phone number');
    await waitFor(() => expect(phone.getAttribute('aria-invalid')).toBe('true'));
    screen.getByText('Enter your phone number with its country code, for example +44 7700 900123.');
    screen.getByText('Choose an end time after the start time.');
    expect(phone.getAttribute('aria-describedby')).toContain('pw-cb-phone-err');
    expect(document.activeElement).toBe(phone);
    expect(chat.requestCallback).not.toHaveBeenCalled();
  });

  it('sends the window as UTC instants with the customer’s zone, and the masked note', async () => {
    const { chat } = renderWithApp(<CallbackForm />, { phone: '+48 601-234-567' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Day' }), { target: { value: '1' } });
    fireEvent.change(screen.getAllByRole('combobox')[1] as HTMLSelectElement, {
      target: { value: '600' },
    });
    fireEvent.change(screen.getAllByRole('combobox')[2] as HTMLSelectElement, {
      target: { value: '660' },
    });
    fireEvent.input(screen.getByLabelText('What is it about? (optional)'), {
      target: { value: 'card 4276380012345679 charged twice' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Request call back' }));
    await waitFor(() => expect(chat.requestCallback).toHaveBeenCalledOnce());
    const input = chat.requestCallback.mock.calls[0]?.[0];
    expect(input.phone).toBe('+48601234567');
    expect(input.note).not.toContain('4276380012345679');
    expect(input.window.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    tomorrow.setHours(10, 0, 0, 0);
    expect(input.window.from).toBe(tomorrow.toISOString());
    expect(Date.parse(input.window.to) - Date.parse(input.window.from)).toBe(3_600_000);
  });

  it('shows the server’s refusal in words', async () => {
    const { chat } = renderWithApp(<CallbackForm />, { phone: '+48601234567' });
    chat.requestCallback.mockResolvedValue({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'bad', path: 'phone' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Day' }), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Request call back' }));
    await screen.findByText(
      'Enter your phone number with its country code, for example +44 7700 900123.',
    );
  });
});
