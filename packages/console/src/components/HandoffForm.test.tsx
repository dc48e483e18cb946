import { act, cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { handoff } from '../testing/fixtures';
import { renderWithConsole } from '../testing/renderWithConsole';
import { HandoffForm } from './HandoffForm';

const type = (label: RegExp | string, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });

const created = {
  handoffId: 'ho_BBBBBBBBBBBBBBBBBBBBBB',
  code: 'abcdefghijklmnopqrstuv',
  url: 'https://bank.example/h/abcdefghijklmnopqrstuv',
  expiresAt: '2026-11-23T21:30:00.000Z',
  suggestedReply:
    'Anna, извините за неудобства. Продолжим в личном чате: https://bank.example/h/abcdefghijklmnopqrstuv Сначала войдите в банк.',
};

describe('HandoffForm', () => {
  afterEach(cleanup);

  it('sends the pasted thread and shows the link and the suggested reply with X’s count', async () => {
    const { actions } = renderWithConsole(<HandoffForm />);
    actions.createHandoff.mockResolvedValue({ ok: true, data: created });
    type('Customer’s handle', '@anna_k');
    fireEvent.change(screen.getByLabelText('Customer’s language'), { target: { value: 'ru' } });
    type('Author’s display name', 'Anna K');
    type('Text of the post', 'списали деньги дважды');
    type('Posted at (your time)', '2026-11-22T23:10');
    type(/Link to the post on X/, 'https://x.com/anna_k/status/1');
    fireEvent.click(screen.getByRole('button', { name: 'Add another post' }));
    const authors = screen.getAllByLabelText('Author’s display name');
    fireEvent.input(authors[1] as HTMLElement, { target: { value: 'Bank' } });
    fireEvent.input(screen.getAllByLabelText('Handle')[1] as HTMLElement, {
      target: { value: '@bank' },
    });
    fireEvent.input(screen.getAllByLabelText('Text of the post')[1] as HTMLElement, {
      target: { value: 'Sorry!' },
    });
    fireEvent.click(screen.getAllByLabelText('Posted by the bank')[1] as HTMLElement);

    fireEvent.click(screen.getByRole('button', { name: 'Create handoff link' }));
    await act(async () => {});

    expect(actions.createHandoff).toHaveBeenCalledTimes(1);
    const input = actions.createHandoff.mock.calls[0]?.[0];
    if (input === undefined) throw new Error('createHandoff was not called');
    expect(input).toMatchObject({ channel: 'x', customerHandle: '@anna_k', locale: 'ru' });
    expect(input.thread).toHaveLength(2);
    expect(input.thread[0]).toMatchObject({
      author: 'Anna K',
      handle: '@anna_k',
      url: 'https://x.com/anna_k/status/1',
    });
    expect(input.thread[0]?.postedAt).toBe(new Date('2026-11-22T23:10').toISOString());
    expect(input.thread[1]).toMatchObject({ author: 'Bank', handle: '@bank', fromBank: true });

    expect((screen.getByLabelText('Handoff link (shown only now)') as HTMLInputElement).value).toBe(
      created.url,
    );
    const reply = screen.getByLabelText(/Suggested public reply — Russian/) as HTMLTextAreaElement;
    expect(reply.value).toBe(created.suggestedReply);
    expect(reply.getAttribute('lang')).toBe('ru');
    // The link counts 23 whatever its length.
    const expected = created.suggestedReply.replace(created.url, '').length + 23;
    expect(screen.getByText(`${expected} / 280 on X`)).toBeTruthy();

    fireEvent.input(reply, { target: { value: 'й'.repeat(290) } });
    expect(screen.getByText('290 / 280 — 10 over X’s limit; shorten it')).toBeTruthy();
  });

  it('names the field to fix before asking the server', () => {
    const { actions } = renderWithConsole(<HandoffForm />);
    type('Customer’s handle', '@anna_k');
    type('Author’s display name', 'Anna K');
    type('Text of the post', 'help');
    type(/Link to the post on X/, 'javascript:alert(1)');
    fireEvent.click(screen.getByRole('button', { name: 'Create handoff link' }));
    expect(actions.createHandoff).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe(
      'Public post 1, url: Must be an http(s) URL.',
    );
  });

  it('says which post is incomplete', () => {
    const { actions } = renderWithConsole(<HandoffForm />);
    type('Customer’s handle', '@anna_k');
    type('Author’s display name', 'Anna K');
    fireEvent.click(screen.getByRole('button', { name: 'Create handoff link' }));
    expect(actions.createHandoff).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe(
      'Public post 1: fill in the author, the handle and the text of the post.',
    );
  });

  it('shows the server’s refusal in words the agent can act on', async () => {
    const { actions } = renderWithConsole(<HandoffForm />);
    actions.createHandoff.mockResolvedValue({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'You can only create handoffs for a team you belong to.',
      },
    });
    type('Customer’s handle', '@anna_k');
    type('Author’s display name', 'Anna K');
    type('Text of the post', 'help');
    fireEvent.click(screen.getByRole('button', { name: 'Create handoff link' }));
    await act(async () => {});
    expect(screen.getByRole('alert').textContent).toBe(
      'You can only create handoffs for a team you belong to.',
    );
  });

  it('lists the pending handoffs the social tool sent, with their clocks', () => {
    renderWithConsole(<HandoffForm />, {
      handoffs: { ho_tool: handoff('ho_tool', { customerHandle: '@from_tool' }) },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Pending handoffs (1)' }));
    expect(screen.getByRole('cell', { name: '@from_tool' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Revoke' })).toBeTruthy();
  });
});
