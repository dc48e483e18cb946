import { act, cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { conversation, message, NOW } from '../testing/fixtures';
import { renderWithConsole } from '../testing/renderWithConsole';
import { ConversationView } from './ConversationView';

const ID = 'cv_AAAAAAAAAAAAAAAAAAAAAA';
const active = conversation(ID, {
  status: { state: 'active', agent: { id: 'olga', name: 'Olga' } },
});
const messages = [
  message(ID, 1, {
    kind: 'system',
    sender: { role: 'system', id: null, name: null },
    text: 'This chat is recorded.',
  }),
  message(ID, 2, {
    text: 'Здравствуйте <img src=x onerror=alert(1)> javascript:alert(1) https://bank.example/help.',
  }),
  message(ID, 3, { sender: { role: 'agent', id: 'olga', name: 'Olga' }, text: 'Добрый вечер!' }),
  message(ID, 4, { sender: { role: 'agent', id: 'olga', name: 'Olga' }, text: 'Проверяю.' }),
  message(ID, 5, {
    kind: 'note',
    sender: { role: 'agent', id: 'olga', name: 'Olga' },
    text: 'Card team please',
  }),
];

describe('ConversationView', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('pins the public thread on top, labelled public and collapsible', () => {
    renderWithConsole(<ConversationView conversationId={ID} />, {
      conversations: { [ID]: active },
    });
    const thread = screen.getByRole('region', {
      name: /Public Conversation on X — everyone can see it/,
    });
    expect(within(thread).getByText(/\[card ••••5679\]/)).toBeTruthy();
    expect(within(thread).getByRole('link', { name: 'View on X' }).getAttribute('href')).toBe(
      'https://x.com/anna_k/status/1',
    );
    const toggle = within(thread).getByRole('button');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(thread).queryByText(/\[card/)).toBeNull();
  });

  it('renders messages as text, links only http(s), notes apart, with read receipts', () => {
    const { container } = renderWithConsole(<ConversationView conversationId={ID} />, {
      conversations: { [ID]: active },
      messages: { [ID]: messages },
      customerRead: { [ID]: 3 },
    });
    const log = screen.getByRole('log', { name: 'Private messages' });
    expect(container.querySelector('img')).toBeNull();
    expect(within(log).getByText(/<img src=x onerror=alert\(1\)>/)).toBeTruthy();
    const links = within(log).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://bank.example/help']);
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');

    const note = within(log).getByText('Card team please').closest('li');
    expect(note?.className).toContain('note');
    expect(note?.textContent).toContain('Internal note — not shown to the customer');

    const receipts = within(log)
      .getAllByText(/^(Read|Delivered)$/)
      .map((r) => r.textContent);
    expect(receipts).toEqual(['Read', 'Delivered']);
  });

  it('shows the customer typing, and forgets a stale signal', () => {
    const { store } = renderWithConsole(<ConversationView conversationId={ID} />, {
      conversations: { [ID]: active },
    });
    act(() => store.set({ typing: { [ID]: Date.now() } }));
    expect(screen.getByText('Anna Kuznetsova is typing…')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(7_000);
    });
    expect(screen.queryByText('Anna Kuznetsova is typing…')).toBeNull();
  });

  it('sends with Enter, previews the redaction, and adds internal notes', () => {
    const { actions } = renderWithConsole(<ConversationView conversationId={ID} />, {
      conversations: { [ID]: active },
    });
    const composer = screen.getByLabelText('Message to Anna Kuznetsova');
    fireEvent.input(composer, { target: { value: 'Ваша карта 4111 1111 1111 1111?' } });
    expect(actions.typing).toHaveBeenCalledWith(ID, true);
    const preview = screen.getByText(/It will be masked before sending/).closest('div');
    expect(preview?.textContent).toContain('This contains a card number.');
    expect(preview?.textContent).toContain('Ваша карта [card ••••1111]?');
    fireEvent.keyDown(composer, { key: 'Enter' });
    expect(actions.send).toHaveBeenCalledWith(ID, 'Ваша карта 4111 1111 1111 1111?');

    fireEvent.click(screen.getByRole('button', { name: 'Internal note' }));
    const note = screen.getByLabelText('Internal note, seen by agents only');
    fireEvent.input(note, { target: { value: 'Card team please' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    expect(actions.addNote).toHaveBeenCalledWith(ID, 'Card team please');
  });

  it('offers canned responses in the customer’s language, filled in', () => {
    renderWithConsole(<ConversationView conversationId={ID} />, {
      conversations: { [ID]: active },
    });
    expect((screen.getByLabelText('Language of canned responses') as HTMLSelectElement).value).toBe(
      'ru',
    );
    fireEvent.change(screen.getByLabelText(/Canned response/), { target: { value: '0' } });
    const composer = screen.getByLabelText('Message to Anna Kuznetsova') as HTMLTextAreaElement;
    expect(composer.value).toMatch(/^Здравствуйте, Anna Kuznetsova! Это Olga/);
  });

  it('says where unsent messages are, with retry for a refused one', () => {
    const { actions } = renderWithConsole(<ConversationView conversationId={ID} />, {
      conversations: { [ID]: active },
      connection: 'reconnecting',
      outbox: [
        {
          clientMsgId: 'c-1',
          conversationId: ID,
          text: 'Still there?',
          status: 'queued',
          kind: 'text',
        },
        {
          clientMsgId: 'c-2',
          conversationId: ID,
          text: 'Too late',
          status: 'failed',
          kind: 'text',
          error: { code: 'CONVERSATION_CLOSED', message: 'This conversation has ended.' },
        },
      ],
    });
    expect(screen.getByText('Waiting for the connection — it will be sent once')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Not sent: This conversation has ended.');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(actions.retry).toHaveBeenCalledWith('c-2');
  });

  it('puts the verified identity beside the public handle, and loads history only on request', async () => {
    const { actions } = renderWithConsole(<ConversationView conversationId={ID} />, {
      conversations: { [ID]: active },
    });
    const panel = screen.getByRole('complementary', { name: 'Customer' });
    expect(within(panel).getByText('Verified by the bank').parentElement?.textContent).toContain(
      'Anna Kuznetsova',
    );
    expect(within(panel).getByText('Public on X').parentElement?.textContent).toContain('@anna_k');
    expect(within(panel).getByText('Public on X').parentElement?.textContent).toContain(
      'Anna K (@anna_k)',
    );
    expect(actions.history).not.toHaveBeenCalled();
    fireEvent.click(within(panel).getByRole('button', { name: 'Show earlier conversations' }));
    expect(actions.history).toHaveBeenCalledWith('cust-anna');
    await act(async () => {});
    expect(within(panel).getByText('No earlier conversations.')).toBeTruthy();
  });

  it('transfers to a colleague with a note', async () => {
    const { actions } = renderWithConsole(<ConversationView conversationId={ID} />, {
      conversations: { [ID]: active },
      agents: [
        { id: 'olga', name: 'Olga', team: 'social-care', status: 'online' },
        { id: 'piotr', name: 'Piotr', team: 'social-care', status: 'online' },
      ],
    });
    actions.transfer.mockResolvedValue({ ok: true, data: active });
    fireEvent.click(screen.getByRole('button', { name: 'Transfer' }));
    expect((screen.getByLabelText('Colleague') as HTMLSelectElement).value).toBe('piotr');
    fireEvent.input(screen.getByLabelText('Note for the colleague (internal)'), {
      target: { value: 'Card dispute' },
    });
    fireEvent.submit(screen.getByRole('form', { name: 'Transfer' }));
    await act(async () => {});
    expect(actions.transfer).toHaveBeenCalledWith({
      conversationId: ID,
      to: { kind: 'agent', agentId: 'piotr' },
      note: 'Card dispute',
    });
  });

  it('closes after a confirmation and offers the closing public reply in the customer’s language', async () => {
    const closed = {
      ...active,
      status: {
        state: 'closed' as const,
        closedAt: new Date(NOW).toISOString(),
        by: 'agent' as const,
      },
    };
    const { actions, store } = renderWithConsole(<ConversationView conversationId={ID} />, {
      conversations: { [ID]: active },
    });
    actions.close.mockImplementation(async () => {
      store.set({ justClosed: closed, conversations: {} });
      return { ok: true, data: closed };
    });
    fireEvent.keyDown(window, { key: 'c', code: 'KeyC', altKey: true });
    fireEvent.click(screen.getByRole('button', { name: 'Close and send the survey' }));
    await act(async () => {});
    expect(actions.close).toHaveBeenCalledWith(ID);
    const reply = screen.getByLabelText(
      /Closing reply for the public thread on X — Russian/,
    ) as HTMLTextAreaElement;
    expect(reply.value).toBe(
      'Рады, что смогли решить вопрос в личном чате, — спасибо за терпение!',
    );
    expect(reply.value).not.toContain('Anna');
    expect(screen.queryByLabelText('Message to Anna Kuznetsova')).toBeNull();
  });

  it('lets a supervisor watch without a composer', () => {
    renderWithConsole(<ConversationView conversationId={ID} />, {
      conversations: {
        [ID]: conversation(ID, { status: { state: 'active', agent: { id: 'bob', name: 'Bob' } } }),
      },
    });
    expect(screen.getByText('Bob is answering; you are watching as a supervisor.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Close' })).toBeNull();
  });
});
