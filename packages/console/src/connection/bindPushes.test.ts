import { createMessageLog, type MessageLog } from '@parley/client';
import type { Message } from '@parley/protocol';
import { describe, expect, it, vi } from 'vitest';
import { initialConsoleState } from '../state/ConsoleState';
import { createStore } from '../state/createStore';
import { conversation, handoff, message } from '../testing/fixtures';
import { bindPushes, type PushContext } from './bindPushes';

const ID = 'cv_AAAAAAAAAAAAAAAAAAAAAA';

function setup(
  options: { selected?: string | null; looking?: boolean; supervisor?: boolean } = {},
) {
  const handlers = new Map<string, (payload: unknown) => void>();
  const socket = {
    on: (event: string, handler: (payload: unknown) => void) => handlers.set(event, handler),
  };
  const store = createStore({ ...initialConsoleState, selectedId: options.selected ?? null });
  const logs = new Map<string, MessageLog<Message>>();
  const alerts = {
    alert: vi.fn(),
    settings: vi.fn(),
    setSound: vi.fn(),
    requestNotifications: vi.fn(),
    subscribe: vi.fn(),
  };
  const ctx = {
    socket: socket as unknown as PushContext['socket'],
    store,
    viewer: { id: 'olga', teams: ['social-care'], supervisor: options.supervisor ?? false },
    alerts,
    logs,
    resume: vi.fn(),
    markRead: vi.fn(),
    isLooking: () => options.looking ?? true,
  };
  bindPushes(ctx);
  const push = (event: string, payload: unknown) => handlers.get(event)?.(payload);
  return { ctx, store, push, alerts, logs };
}

describe('bindPushes', () => {
  it('puts a claimed handoff in the inbox and chimes', () => {
    const { store, push, alerts } = setup();
    push('handoff:claimed', {
      handoff: handoff('ho_1', { state: 'claimed' }),
      conversation: conversation(ID),
    });
    expect(store.get().conversations[ID]?.customer.name).toBe('Anna Kuznetsova');
    expect(store.get().handoffs.ho_1?.state).toBe('claimed');
    expect(alerts.alert).toHaveBeenCalledWith(
      'Anna Kuznetsova claimed your handoff',
      'X · @piotr_n',
      'claim-ho_1',
    );
  });

  it('keeps each message once, in order, and resumes after a gap', () => {
    const { store, push, ctx, logs } = setup({ selected: ID });
    store.set({ conversations: { [ID]: conversation(ID) } });
    logs.set(ID, createMessageLog<Message>());
    push('message:new', message(ID, 1));
    push('message:new', message(ID, 1));
    expect(store.get().messages[ID]?.map((m) => m.seq)).toEqual([1]);
    expect(ctx.resume).not.toHaveBeenCalled();
    push('message:new', message(ID, 3));
    expect(ctx.resume).toHaveBeenCalledWith(ID);
    push('message:new', message(ID, 2));
    expect(store.get().messages[ID]?.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('counts unread and alerts when the agent is not looking at the conversation', () => {
    const { store, push, alerts, ctx } = setup({ selected: null });
    store.set({ conversations: { [ID]: conversation(ID) } });
    push('message:new', message(ID, 1, { text: 'Hello?' }));
    expect(store.get().unread[ID]).toBe(1);
    expect(alerts.alert).toHaveBeenCalledWith('Anna Kuznetsova wrote', 'Hello?', `msg-${ID}`);
    expect(ctx.markRead).not.toHaveBeenCalled();
  });

  it('marks read instead when the conversation is open in front of the agent', () => {
    const { store, push, alerts, ctx } = setup({ selected: ID, looking: true });
    store.set({ conversations: { [ID]: conversation(ID) } });
    push('message:new', message(ID, 1));
    expect(ctx.markRead).toHaveBeenCalledWith(ID);
    expect(alerts.alert).not.toHaveBeenCalled();
  });

  it('stops the SLA clock at the agent’s first text reply', () => {
    const { store, push } = setup();
    store.set({ conversations: { [ID]: conversation(ID) } });
    const reply = message(ID, 2, { sender: { role: 'agent', id: 'olga', name: 'Olga' } });
    push('message:new', reply);
    expect(store.get().conversations[ID]?.sla.firstReplyAt).toBe(reply.createdAt);
  });

  it('drops a conversation transferred to a colleague and tells the agent', () => {
    const { store, push } = setup({ selected: ID });
    store.set({ conversations: { [ID]: conversation(ID) } });
    push('conversation:updated', {
      reason: 'transferred',
      conversation: conversation(ID, {
        status: { state: 'active', agent: { id: 'bob', name: 'Bob' } },
      }),
    });
    expect(store.get().conversations[ID]).toBeUndefined();
    expect(store.get().selectedId).toBeNull();
    expect(store.get().notice?.text).toBe('Anna Kuznetsova is now with Bob.');
  });

  it('keeps the typing signal and the customer’s read position', () => {
    const { store, push } = setup();
    push('typing', { conversationId: ID, role: 'customer', name: 'Anna', typing: true });
    expect(store.get().typing[ID]).toBeTypeOf('number');
    push('message:read', { conversationId: ID, role: 'customer', seq: 4 });
    push('message:read', { conversationId: ID, role: 'customer', seq: 2 });
    expect(store.get().customerRead[ID]).toBe(4);
    push('typing', { conversationId: ID, role: 'customer', name: 'Anna', typing: false });
    expect(store.get().typing[ID]).toBeUndefined();
  });
});
