import type { CustomerConversation, CustomerMessage } from '@parley/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket } from '../../test/fakeSocket.js';
import { conversation, message } from '../../test/renderWithApp.js';
import { createChatSession } from './createChatSession.js';

const CONVERSATION: CustomerConversation = conversation({
  state: 'active',
  agent: { id: 'olga', name: 'Olga' },
});
const ID = CONVERSATION.id;
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjdXN0LWFubmEiLCJwaG9uZSI6Iis0ODYwMTIzNDU2NyJ9.c2ln';
const future = () => new Date(Date.now() + 3_600_000).toISOString();

function storeSession(conversationId: string | null = ID) {
  sessionStorage.setItem(
    'parley:session',
    JSON.stringify({ token: TOKEN, expiresAt: future(), name: 'Anna', conversationId }),
  );
}

function setup(answers: ConstructorParameters<typeof FakeSocket>[0] = {}, options = {}) {
  const socket = new FakeSocket({
    'conversation:resume': (p) => {
      const after = (p as { afterSeq: number }).afterSeq;
      return {
        ok: true,
        data: { conversation: CONVERSATION, messages: history.filter((m) => m.seq > after) },
      };
    },
    'callback:list': () => ({ ok: true, data: [] }),
    ...answers,
  });
  const history: CustomerMessage[] = [
    message(1, 'system', 'recorded'),
    message(2, 'agent', 'Hello'),
  ];
  const emit = vi.fn();
  const setUnread = vi.fn();
  const session = createChatSession({
    options: { server: 'https://chat.bank.example', ...options },
    locale: 'en',
    returnedToken: null,
    emit,
    setUnread,
    connect: (_url, opts) => {
      socket.options = opts as FakeSocket['options'];
      return socket as never;
    },
  });
  return { socket, session, emit, setUnread, history };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createChatSession', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('reconnects with the stored session, resumes, then flushes the outbox once, in order', async () => {
    storeSession();
    sessionStorage.setItem(
      'parley:outbox',
      JSON.stringify([
        { clientMsgId: 'c-00000001', conversationId: ID, text: 'first', status: 'sending' },
        { clientMsgId: 'c-00000002', conversationId: ID, text: 'second', status: 'queued' },
      ]),
    );
    const { socket, session } = setup({
      'message:send': (p) => {
        const { clientMsgId, text } = p as { clientMsgId: string; text: string };
        return {
          ok: true,
          data: { ...message(clientMsgId === 'c-00000001' ? 3 : 4, 'customer', text), clientMsgId },
        };
      },
    });
    await session.start();
    let token: unknown;
    socket.options.auth?.((auth) => {
      token = auth;
    });
    expect(token).toEqual({ token: TOKEN, v: 1 });
    expect(session.getState()).toMatchObject({
      auth: 'signedIn',
      phone: '+48601234567',
      connection: 'connecting',
    });
    socket.serverConnect();
    await settle();
    expect(socket.emitted.map((e) => e.event).slice(0, 3)).toEqual([
      'conversation:resume',
      'message:send',
      'message:send',
    ]);
    expect(socket.sent('message:send')).toEqual([
      { clientMsgId: 'c-00000001', conversationId: ID, text: 'first' },
      { clientMsgId: 'c-00000002', conversationId: ID, text: 'second' },
    ]);
    expect(session.getState().messages.map((m) => m.text)).toEqual([
      'recorded',
      'Hello',
      'first',
      'second',
    ]);
    expect(session.getState().outbox).toEqual([]);
    expect(sessionStorage.getItem('parley:outbox')).toBeNull();
  });

  it('masks numbers before they leave, keeps what is typed offline, sends it once back online', async () => {
    storeSession();
    const { socket, session } = setup({
      'message:send': (p) => ({
        ok: true,
        data: message(3, 'customer', (p as { text: string }).text),
      }),
    });
    await session.start();
    socket.serverConnect();
    await settle();
    window.dispatchEvent(new Event('offline'));
    expect(session.getState().connection).toBe('offline');
    expect(session.send('my card 4276380012345679')).toBe(true);
    await settle();
    expect(socket.sent('message:send')).toEqual([]);
    expect(session.getState().outbox[0]).toMatchObject({
      status: 'queued',
      text: 'my card [card ••••5679]',
    });
    window.dispatchEvent(new Event('online'));
    socket.serverConnect();
    await settle();
    expect(socket.sent('message:send')).toHaveLength(1);
    expect(JSON.stringify(socket.emitted)).not.toContain('4276380012345679');
  });

  it('resumes from the last contiguous seq when a message arrives after a gap', async () => {
    storeSession();
    const { socket, session, history } = setup();
    await session.start();
    socket.serverConnect();
    await settle();
    history.push(
      message(3, 'agent', 'three'),
      message(4, 'agent', 'four'),
      message(5, 'agent', 'five'),
    );
    socket.push('message:new', message(5, 'agent', 'five'));
    await settle();
    expect(socket.sent('conversation:resume').at(-1)).toEqual({ conversationId: ID, afterSeq: 2 });
    expect(session.getState().messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('applies late redactions, typing and read receipts', async () => {
    vi.useFakeTimers();
    storeSession();
    const { socket, session } = setup();
    await session.start();
    socket.serverConnect();
    await vi.runAllTicks();
    await vi.advanceTimersByTimeAsync(0);
    socket.push('message:amended', {
      conversationId: ID,
      messageId: 'm',
      seq: 2,
      text: 'Hello [card ••••5679]',
      redactions: ['card'],
    });
    expect(session.getState().messages[1]?.text).toBe('Hello [card ••••5679]');
    socket.push('typing', { conversationId: ID, role: 'agent', name: 'Olga', typing: true });
    expect(session.getState().agentTyping).toBe('Olga');
    await vi.advanceTimersByTimeAsync(8_000);
    expect(session.getState().agentTyping).toBe(false);
    socket.push('message:read', { conversationId: ID, role: 'agent', seq: 2 });
    expect(session.getState().agentReadSeq).toBe(2);
    vi.useRealTimers();
  });

  it('counts unread messages while hidden and reports reading once shown', async () => {
    storeSession();
    const { socket, session, setUnread, emit } = setup();
    await session.start();
    socket.serverConnect();
    await settle();
    socket.push('message:new', message(3, 'agent', 'one'));
    socket.push('message:new', message(4, 'agent', 'two'));
    expect(session.getState().unread).toBe(2);
    expect(setUnread).toHaveBeenLastCalledWith(2);
    expect(emit).toHaveBeenCalledWith('unread', 2);
    session.setVisible(true);
    expect(session.getState().unread).toBe(0);
    expect(socket.sent('message:read').at(-1)).toEqual({ conversationId: ID, seq: 4 });
  });

  it('claims a handoff once; a dead link says why', async () => {
    storeSession(null);
    sessionStorage.setItem('parley:code', 'Xq3_abcdefghijklmnopqr');
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({
              agentName: 'Olga',
              teamName: 'Social care',
              channel: 'x',
              expiresAt: future(),
            }),
            { status: 200 },
          ),
      ),
    );
    const ok = setup({
      'handoff:claim': () => ({ ok: true, data: { conversation: CONVERSATION, messages: [] } }),
    });
    await ok.session.start();
    await settle();
    expect(ok.session.getState().preview?.agentName).toBe('Olga');
    ok.socket.serverConnect();
    await ok.session.claim();
    expect(ok.session.getState()).toMatchObject({ code: null, conversation: { id: ID } });
    expect(sessionStorage.getItem('parley:code')).toBeNull();
    expect(JSON.parse(sessionStorage.getItem('parley:session') ?? '{}').conversationId).toBe(ID);
    expect(ok.emit).toHaveBeenCalledWith('handoff', { conversationId: ID });

    sessionStorage.setItem('parley:code', 'Xq3_abcdefghijklmnopqr');
    const gone = setup({
      'handoff:claim': () => ({
        ok: false,
        error: { code: 'HANDOFF_ALREADY_CLAIMED', message: 'used' },
      }),
    });
    await gone.session.start();
    gone.socket.serverConnect();
    await gone.session.claim();
    expect(gone.session.getState()).toMatchObject({
      code: null,
      linkError: 'HANDOFF_ALREADY_CLAIMED',
    });
  });

  it('refreshes an expiring session with a fresh identity token', async () => {
    storeSession();
    const getIdentityToken = vi.fn(async () => 'identity.token.x');
    const { socket, session } = setup(
      {
        'session:refresh': () => ({
          ok: true,
          data: { expiresAt: future(), sessionToken: 'new.session.token' },
        }),
      },
      { getIdentityToken },
    );
    await session.start();
    socket.serverConnect();
    await settle();
    socket.push('session:expiring', { expiresAt: future(), disconnectAt: future() });
    await settle();
    await settle();
    expect(socket.sent('session:refresh')).toEqual([{ token: 'identity.token.x' }]);
    expect(JSON.parse(sessionStorage.getItem('parley:session') ?? '{}').token).toBe(
      'new.session.token',
    );
  });

  it('sends a message refused TOKEN_EXPIRED in the grace period once the session is refreshed', async () => {
    storeSession();
    let refreshed = false;
    const { socket, session } = setup(
      {
        'message:send': (p) =>
          refreshed
            ? { ok: true, data: message(3, 'customer', (p as { text: string }).text) }
            : { ok: false, error: { code: 'TOKEN_EXPIRED', message: 'refresh' } },
        'session:refresh': () => {
          refreshed = true;
          return { ok: true, data: { expiresAt: future(), sessionToken: 'new.session.token' } };
        },
      },
      { getIdentityToken: async () => 'identity.token.x' },
    );
    await session.start();
    socket.serverConnect();
    await settle();
    session.send('typed in the grace period');
    await settle();
    expect(session.getState().outbox[0]).toMatchObject({ status: 'queued' });
    socket.push('session:expiring', { expiresAt: future(), disconnectAt: future() });
    await settle();
    await settle();
    await settle();
    expect(socket.sent('message:send')).toHaveLength(2);
    expect(session.getState().outbox).toEqual([]);
  });

  it('without a way to refresh, asks the customer to sign in again when the session is refused', async () => {
    storeSession();
    const { socket, session } = setup();
    await session.start();
    socket.push(
      'connect_error',
      Object.assign(new Error('refused'), {
        data: { code: 'UNAUTHENTICATED', message: 'expired' },
      }),
    );
    await settle();
    expect(session.getState().auth).toBe('ended');
    expect(sessionStorage.getItem('parley:session')).toBeNull();
  });

  it('sends the customer to the bank’s login page with a return address', async () => {
    const navigate = vi.fn();
    const socket = new FakeSocket();
    const session = createChatSession({
      options: { server: 'https://chat.bank.example', loginUrl: 'https://bank.example/login?x=1' },
      locale: 'en',
      returnedToken: null,
      emit: vi.fn(),
      setUnread: vi.fn(),
      connect: () => socket as never,
      navigate,
    });
    await session.start();
    await session.signIn();
    const target = new URL(navigate.mock.calls[0]?.[0] as string);
    expect(target.origin + target.pathname).toBe('https://bank.example/login');
    expect(target.searchParams.get('parley_return')).toBe(location.href.split('#')[0]);
    expect(sessionStorage.getItem('parley:login')).toBe('1');
  });
});
