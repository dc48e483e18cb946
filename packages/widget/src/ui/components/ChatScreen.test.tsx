import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { conversation, message, renderWithApp } from '../../test/renderWithApp.js';
import { ChatScreen } from './ChatScreen.js';

const OLGA = { id: 'olga', name: 'Olga' };
const POSTS = [
  {
    author: 'Anna K',
    handle: '@anna_k',
    text: 'card [card ••••5679], see https://x.com/anna_k',
    postedAt: '2026-11-22T21:00:00.000Z',
  },
  {
    author: 'Bank',
    handle: '@bank',
    text: 'Sorry, let us talk privately.',
    postedAt: '2026-11-22T21:01:00.000Z',
    fromBank: true,
  },
];

describe('ChatScreen', () => {
  it('shows the public thread collapsed and marked public, then the private messages', () => {
    const { container } = renderWithApp(<ChatScreen />, {
      conversation: conversation({ state: 'active', agent: OLGA }, POSTS),
      messages: [message(1, 'system', 'This chat is recorded and kept by the bank.')],
    });
    const details = container.querySelector('details.public');
    expect(details?.hasAttribute('open')).toBe(false);
    screen.getByText('Public conversation on X');
    screen.getByText('2 public posts');
    screen.getByText('These posts are public. Everything below this line is private.');
    screen.getByText('This chat is recorded and kept by the bank.');
  });

  it('separates days, names the agent, and marks what the agent has read', () => {
    const { container } = renderWithApp(<ChatScreen />, {
      conversation: conversation({ state: 'active', agent: OLGA }),
      messages: [
        message(1, 'agent', 'Hello Anna', '2026-10-20T10:00:00.000Z'),
        message(2, 'customer', 'Hi', '2026-10-20T10:01:00.000Z'),
        message(3, 'customer', 'Still there?', '2026-10-21T09:00:00.000Z'),
      ],
      agentReadSeq: 2,
    });
    expect([...container.querySelectorAll('.day')].map((d) => d.textContent)).toEqual([
      '20 Oct 2026',
      '21 Oct 2026',
    ]);
    screen.getByText('Olga');
    const metas = [...container.querySelectorAll('.me .meta')].map((m) => m.textContent);
    expect(metas).toEqual(['10:01 · Read', '09:00 · Sent']);
  });

  it('says "Today" for today', () => {
    const now = new Date().toISOString();
    const { container } = renderWithApp(<ChatScreen />, {
      conversation: conversation({ state: 'active', agent: OLGA }),
      messages: [message(1, 'agent', 'Hello', now)],
    });
    expect(container.querySelector('.day')?.textContent).toBe('Today');
  });

  it('shows messages still in the outbox: sending, waiting, and refused with retry', () => {
    const id = conversation({ state: 'active', agent: OLGA }).id;
    const { chat } = renderWithApp(<ChatScreen />, {
      conversation: conversation({ state: 'active', agent: OLGA }),
      connection: 'offline',
      outbox: [
        { clientMsgId: 'c-00000001', conversationId: id, text: 'one', status: 'queued' },
        {
          clientMsgId: 'c-00000002',
          conversationId: id,
          text: 'two',
          status: 'failed',
          error: { code: 'CONVERSATION_CLOSED', message: 'closed' },
        },
      ],
    });
    screen.getByText('Waiting for connection');
    screen.getByText('Not sent.', { exact: false });
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(chat.retry).toHaveBeenCalledWith('c-00000002');
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(chat.discard).toHaveBeenCalledWith('c-00000002');
  });

  it('shows a message once when its push arrives before its ack', () => {
    const id = conversation({ state: 'active', agent: OLGA }).id;
    renderWithApp(<ChatScreen />, {
      conversation: conversation({ state: 'active', agent: OLGA }),
      messages: [{ ...message(1, 'customer', 'once'), clientMsgId: 'c-00000001' }],
      outbox: [{ clientMsgId: 'c-00000001', conversationId: id, text: 'once', status: 'sending' }],
    });
    expect(screen.getAllByText('once')).toHaveLength(1);
  });

  it('says "Sending…" while online', () => {
    const id = conversation({ state: 'active', agent: OLGA }).id;
    renderWithApp(<ChatScreen />, {
      conversation: conversation({ state: 'active', agent: OLGA }),
      connection: 'online',
      outbox: [{ clientMsgId: 'c-00000001', conversationId: id, text: 'one', status: 'sending' }],
    });
    screen.getByText('Sending…');
  });

  it('shows who is typing', () => {
    const { rerender } = renderWithApp(<ChatScreen />, {
      conversation: conversation({ state: 'active', agent: OLGA }),
      agentTyping: 'Olga',
    });
    screen.getByText('Olga is typing…');
    rerender({ agentTyping: '' });
    screen.getByText('The bank is typing…');
  });

  it('tells a waiting customer who will answer', () => {
    renderWithApp(<ChatScreen />, {
      conversation: conversation({
        state: 'waiting',
        agent: OLGA,
        fallbackAt: '2026-11-22T21:05:00.000Z',
      }),
    });
    screen.getByText('Olga will answer you here shortly.');
  });

  it('gives a queued customer their place, the opening hours, and a call back when closed', () => {
    const hours = {
      timeZone: 'Europe/Warsaw',
      weekly: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '20:00' }],
      openNow: false,
    };
    const { value, rerender } = renderWithApp(<ChatScreen />, {
      conversation: conversation({ state: 'queued', position: 4, openingHours: hours }),
    });
    screen.getByText('There are 3 customers ahead of you.');
    screen.getByText('Our team is available Mon–Fri 08:00–20:00 (Europe/Warsaw).');
    screen.getByText('We are closed right now', { exact: false });
    fireEvent.click(screen.getByRole('button', { name: 'Request a call back' }));
    expect(value.show).toHaveBeenCalledWith('callback');
    rerender({ conversation: conversation({ state: 'queued', position: 2, openingHours: null }) });
    screen.getByText('There is 1 customer ahead of you.');
    rerender({ conversation: conversation({ state: 'queued', position: 1, openingHours: null }) });
    screen.getByText('You are next in the queue.');
  });

  it('once closed: no composer, the ended notice and a new start', () => {
    const { chat } = renderWithApp(<ChatScreen />, {
      conversation: conversation({
        state: 'closed',
        closedAt: '2026-11-22T22:00:00.000Z',
        by: 'agent',
      }),
    });
    expect(screen.queryByRole('textbox')).toBeNull();
    screen.getByText('This chat has ended.');
    fireEvent.click(screen.getByRole('button', { name: 'Start a new chat' }));
    expect(chat.startChat).toHaveBeenCalledOnce();
  });

  it('thanks the customer after the survey', () => {
    renderWithApp(<ChatScreen />, {
      conversation: conversation({
        state: 'closed',
        closedAt: '2026-11-22T22:00:00.000Z',
        by: 'agent',
      }),
      survey: 'done',
    });
    screen.getByRole('heading', { name: 'Thank you for your feedback!' });
  });
});
