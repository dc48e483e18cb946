import { describe, expect, it, vi } from 'vitest';
import { createEmitter } from './createEmitter.js';

describe('createEmitter', () => {
  it('calls listeners of the event, survives a throwing one, and unsubscribes', () => {
    const { on, emit } = createEmitter();
    const seen = vi.fn();
    on('unread', () => {
      throw new Error('the bank’s listener');
    });
    const off = on('unread', seen);
    on('open', () => seen('open'));
    emit('unread', 2);
    expect(seen).toHaveBeenCalledWith(2);
    off();
    emit('unread', 3);
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('keeps a listener registered twice until both registrations are undone', () => {
    const { on, emit } = createEmitter();
    const seen = vi.fn();
    const offFirst = on('unread', seen);
    const offSecond = on('unread', seen);
    offFirst();
    emit('unread', 1);
    expect(seen).toHaveBeenCalledTimes(1);
    offSecond();
    emit('unread', 2);
    expect(seen).toHaveBeenCalledTimes(1);
  });
});
