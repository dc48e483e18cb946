import { act, cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callback, conversation, handoff, NOW } from '../testing/fixtures';
import { renderWithConsole } from '../testing/renderWithConsole';
import { Inbox } from './Inbox';

const rowsOf = (section: string) =>
  within(screen.getByRole('region', { name: new RegExp(section) })).queryAllByRole('listitem');

describe('Inbox', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('lists my conversations, the queue, my handoffs and call-backs, each by SLA deadline', () => {
    renderWithConsole(<Inbox />, {
      conversations: {
        cv_a: conversation('cv_a', {
          startedMinutesAgo: 2,
          customer: {
            id: 'c1',
            name: 'Daan',
            socialHandle: '@daan',
            locale: 'nl',
            hasPhone: false,
          },
        }),
        cv_b: conversation('cv_b', {
          startedMinutesAgo: 14,
          customer: {
            id: 'c2',
            name: 'Piotr',
            socialHandle: '@piotr',
            locale: 'pl',
            hasPhone: false,
          },
        }),
        cv_c: conversation('cv_c', { startedMinutesAgo: 9 }),
        cv_q: conversation('cv_q', {
          status: { state: 'queued', position: 1, openingHours: null },
          customer: { id: 'c3', name: 'Ivan', socialHandle: null, locale: 'bg', hasPhone: false },
        }),
        // A colleague's conversation is not in my lists.
        cv_x: conversation('cv_x', {
          status: { state: 'active', agent: { id: 'bob', name: 'Bob' } },
        }),
      },
      handoffs: {
        ho_claimed: handoff('ho_claimed', {
          state: 'claimed',
          claimedBy: { customerId: 'c2', name: 'Piotr Nowak' },
          conversationId: 'cv_b',
        }),
        ho_pending: handoff('ho_pending'),
        ho_revoked: handoff('ho_revoked', { state: 'revoked' }),
      },
      callbacks: { cb_1: callback('cb_1'), cb_done: callback('cb_done', { state: 'completed' }) },
      unread: { cv_c: 2 },
    });

    const mine = rowsOf('My conversations').map((row) => row.textContent ?? '');
    expect(mine).toHaveLength(3);
    expect(mine[0]).toContain('Piotr');
    expect(mine[0]).toContain('1:00 left');
    expect(mine[1]).toContain('Anna Kuznetsova');
    expect(mine[1]).toContain('2 new');
    expect(mine[2]).toContain('Daan');
    expect(rowsOf('Team queue')[0]?.textContent).toContain('Queued #1 — open to take it');
    const handoffs = rowsOf('My handoffs').map((row) => row.textContent ?? '');
    expect(handoffs).toHaveLength(2);
    expect(handoffs[0]).toContain('Link not claimed yet');
    expect(handoffs[1]).toContain('Claimed by Piotr Nowak');
    expect(rowsOf('Call-backs')).toHaveLength(1);
    expect(rowsOf('Call-backs')[0]?.textContent).toContain('18:00–20:00 (Europe/Warsaw)');
  });

  it('colours rows by SLA and keeps ticking', () => {
    renderWithConsole(<Inbox />, {
      conversations: { cv_b: conversation('cv_b', { startedMinutesAgo: 14 }) },
    });
    const clock = () => screen.getByTitle(/SLA from the first public post/);
    expect(clock().className).toContain('sla--half');
    act(() => {
      vi.advanceTimersByTime(61_000);
    });
    expect(clock().className).toContain('sla--breached');
    expect(clock().textContent).toContain('0:01 over');
  });

  it('opens a conversation, revokes a pending handoff, and marks a call-back done', async () => {
    const { actions } = renderWithConsole(<Inbox />, {
      conversations: { cv_c: conversation('cv_c') },
      handoffs: { ho_pending: handoff('ho_pending') },
      callbacks: { cb_1: callback('cb_1') },
    });
    actions.revokeHandoff.mockResolvedValue({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'This handoff is already claimed; only pending ones can be revoked.',
      },
    });
    actions.updateCallback.mockResolvedValue({
      ok: true,
      data: callback('cb_1', { state: 'completed' }),
    });

    fireEvent.click(screen.getByRole('button', { name: /Anna Kuznetsova/ }));
    expect(actions.open).toHaveBeenCalledWith('cv_c');

    fireEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    expect(actions.revokeHandoff).toHaveBeenCalledWith('ho_pending');
    await act(async () => {});
    expect(screen.getByRole('alert').textContent).toContain('already claimed');

    fireEvent.click(screen.getByRole('button', { name: 'Called' }));
    expect(actions.updateCallback).toHaveBeenCalledWith({ callbackId: 'cb_1', state: 'completed' });
  });

  it('shows a handoff the social tool sent the team, and opens it to be picked', () => {
    const { actions } = renderWithConsole(<Inbox />, {
      handoffs: {
        ho_tool: handoff('ho_tool', {
          customerHandle: '@anna_k',
          source: 'service',
          agentId: null,
        }),
      },
    });
    expect(rowsOf('My handoffs')[0]?.textContent).toContain(
      'From the social tool, for the team · Link not claimed yet',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open the handoff for @anna_k' }));
    expect(actions.openHandoff).toHaveBeenCalledWith('ho_tool');
  });

  it('follows pushes: a claimed handoff appears at once', () => {
    const { store } = renderWithConsole(<Inbox />);
    expect(rowsOf('My conversations')).toHaveLength(0);
    act(() => store.set({ conversations: { cv_new: conversation('cv_new') } }));
    expect(rowsOf('My conversations')).toHaveLength(1);
  });
});
