import type { HandoffCreated } from '@parley/protocol';
import { act, cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { handoff } from '../testing/fixtures';
import { renderWithConsole } from '../testing/renderWithConsole';
import { HandoffForm } from './HandoffForm';

const type = (label: RegExp | string, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });

const created: HandoffCreated = {
  handoffId: 'ho_BBBBBBBBBBBBBBBBBBBBBB',
  code: 'abcdefghijklmnopqrstuv',
  url: 'https://bank.example/h/abcdefghijklmnopqrstuv',
  expiresAt: '2026-11-23T21:30:00.000Z',
  suggestedReply:
    'Anna, извините за неудобства. Продолжим в личном чате: https://bank.example/h/abcdefghijklmnopqrstuv Сначала войдите в банк.',
  locale: 'ru',
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

  it('lists the handoffs waiting for me or my team, and none of a colleague’s', () => {
    renderWithConsole(<HandoffForm />, {
      handoffs: {
        ho_tool: handoff('ho_tool', {
          customerHandle: '@from_tool',
          source: 'service',
          agentId: null,
        }),
        ho_mine: handoff('ho_mine', { customerHandle: '@mine' }),
        ho_piotr: handoff('ho_piotr', { customerHandle: '@piotrs', agentId: 'piotr' }),
        ho_cards: handoff('ho_cards', { customerHandle: '@cards', agentId: null, team: 'cards' }),
        ho_done: handoff('ho_done', { customerHandle: '@done', state: 'claimed' }),
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Pending handoffs (2)' }));
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => row.querySelectorAll('td')[1]?.textContent)).toEqual([
      '@from_tool',
      '@mine',
    ]);
    expect(rows[0]?.textContent).toContain('Social tool, for the team');
    expect(rows[1]?.textContent).toContain('Console');
    expect(screen.getByRole('button', { name: 'Revoke the handoff for @mine' })).toBeTruthy();
  });

  it('opens a social-tool handoff, shows its thread, and picks it for the link and reply', async () => {
    const summary = handoff('ho_tool', {
      customerHandle: '@anna_k',
      source: 'service',
      agentId: null,
    });
    const { actions, store } = renderWithConsole(<HandoffForm />, {
      handoffs: { ho_tool: summary },
    });
    actions.openHandoff.mockImplementation((id) => store.set({ openHandoffId: id }));
    actions.getHandoff.mockResolvedValue({
      ok: true,
      data: {
        handoff: summary,
        thread: [
          {
            author: 'Anna K',
            handle: '@anna_k',
            text: 'списали дважды, карта [card ••••5679]',
            postedAt: '2026-11-22T23:10:00.000Z',
            url: 'https://x.com/anna_k/status/1',
          },
        ],
        locale: 'ru',
        note: 'Double charge',
      },
    });
    const picked = { ...summary, agentId: 'olga' };
    actions.pickHandoff.mockImplementation(async () => {
      store.set((s) => ({ handoffs: { ...s.handoffs, ho_tool: picked } }));
      return { ok: true, data: { handoff: picked, link: created } };
    });

    fireEvent.click(screen.getByRole('button', { name: 'Pending handoffs (1)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Open the handoff for @anna_k' }));
    await act(async () => {});
    expect(actions.getHandoff).toHaveBeenCalledWith('ho_tool');
    expect(
      screen.getByText('Sent by the bank’s social tool for your team', { exact: false }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: /Public Conversation on X/ })).toBeTruthy();
    expect(screen.getByText('списали дважды, карта [card ••••5679]')).toBeTruthy();
    expect(screen.getByText('Double charge')).toBeTruthy();
    expect(screen.getByText(/The link the social tool received stops working/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Pick it and get the link' }));
    await act(async () => {});
    expect(actions.pickHandoff).toHaveBeenCalledWith('ho_tool');
    expect((screen.getByLabelText('Handoff link (shown only now)') as HTMLInputElement).value).toBe(
      created.url,
    );
    const reply = screen.getByLabelText(/Suggested public reply — Russian/) as HTMLTextAreaElement;
    expect(reply.value).toBe(created.suggestedReply);
    const expected = created.suggestedReply.replace(created.url, '').length + 23;
    expect(screen.getByText(`${expected} / 280 on X`)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy reply' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeTruthy();

    fireEvent.click(screen.getAllByRole('button', { name: 'Back to the pending handoffs' })[0]!);
    expect(store.get().openHandoffId).toBeNull();
    // Picked: it is mine now, and still waiting to be claimed.
    expect(screen.getByRole('button', { name: 'Pending handoffs (1)' })).toBeTruthy();
  });

  it('says so when a colleague picked the handoff first, and offers no pick', async () => {
    const summary = handoff('ho_tool', { source: 'service', agentId: null });
    const { actions, store } = renderWithConsole(<HandoffForm />, {
      handoffs: { ho_tool: summary },
    });
    actions.getHandoff.mockResolvedValue({
      ok: true,
      data: { handoff: summary, thread: [], locale: null, note: null },
    });
    actions.pickHandoff.mockResolvedValue({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Piotr has already picked this handoff; the customer will reach them.',
      },
    });
    // Opened from the inbox.
    act(() => store.set({ openHandoffId: 'ho_tool' }));
    await act(async () => {});
    fireEvent.click(screen.getByRole('button', { name: 'Pick it and get the link' }));
    await act(async () => {});
    expect(screen.getByRole('alert').textContent).toBe(
      'Piotr has already picked this handoff; the customer will reach them.',
    );
    // The push that follows moves it to Piotr: the pick button goes.
    act(() => {
      store.set((s) => ({
        handoffs: { ...s.handoffs, ho_tool: { ...summary, agentId: 'piotr' } },
      }));
    });
    expect(screen.queryByRole('button', { name: 'Pick it and get the link' })).toBeNull();
    expect(screen.getByText(/A colleague has picked this handoff/)).toBeTruthy();
  });

  it('shows why a handoff cannot be opened', async () => {
    const { actions, store } = renderWithConsole(<HandoffForm />);
    actions.getHandoff.mockResolvedValue({
      ok: false,
      error: {
        code: 'HANDOFF_NOT_FOUND',
        message: 'No handoff of yours or of your team has this id.',
      },
    });
    act(() => store.set({ openHandoffId: 'ho_gone' }));
    await act(async () => {});
    expect(screen.getByRole('alert').textContent).toBe(
      'No handoff of yours or of your team has this id.',
    );
  });
});
