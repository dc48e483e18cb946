import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/renderWithApp.js';
import { SurveyForm } from './SurveyForm.js';

describe('SurveyForm', () => {
  it('is a labelled radio group of 0–10 with its scale described', () => {
    renderWithApp(<SurveyForm />);
    const group = screen.getByRole('group', {
      name: 'How likely are you to recommend us to a friend or colleague?',
    });
    expect(group.getAttribute('aria-describedby')).toBe('pw-nps-scale');
    expect(screen.getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
    screen.getByText('0 — not at all likely');
  });

  it('asks for a score before sending', () => {
    const { chat } = renderWithApp(<SurveyForm />);
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByRole('alert').textContent).toBe('Choose a score from 0 to 10, or skip.');
    expect(chat.submitSurvey).not.toHaveBeenCalled();
  });

  it('sends the score and the comment, or skips', async () => {
    const { chat } = renderWithApp(<SurveyForm />);
    fireEvent.click(screen.getByRole('radio', { name: '9' }));
    fireEvent.input(screen.getByLabelText('Anything you would like to add? (optional)'), {
      target: { value: 'Quick' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(chat.submitSurvey).toHaveBeenCalledWith(9, 'Quick'));
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    expect(chat.skipSurvey).toHaveBeenCalledOnce();
  });
});
