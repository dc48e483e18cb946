import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore } from './createCore.js';
import type { UiHandle, UiModule } from './UiModule.js';

function fakeUi() {
  const handle: UiHandle = {
    open: vi.fn(),
    close: vi.fn(),
    toggle: vi.fn(),
    requestCallback: vi.fn(),
    destroy: vi.fn(),
  };
  const mountUi = vi.fn(() => handle);
  const loadUi = vi.fn(async (): Promise<UiModule> => ({ mountUi }));
  return { handle, mountUi, loadUi };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createCore (the loader)', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    sessionStorage.clear();
    history.replaceState(null, '', '/');
  });

  it('draws a labelled launcher and loads nothing until it is used', async () => {
    const { loadUi, mountUi, handle } = fakeUi();
    const emit = vi.fn();
    createCore({ server: 'https://chat.bank.example', locale: 'pl' }, loadUi, emit);
    const host = document.querySelector('parley-widget');
    const launcher = host?.shadowRoot?.querySelector('button');
    expect(launcher?.textContent).toBe('Napisz do nas');
    expect(loadUi).not.toHaveBeenCalled();
    await settle();
    expect(emit).toHaveBeenCalledWith('ready', undefined);
    launcher?.click();
    await settle();
    expect(mountUi).toHaveBeenCalledOnce();
    expect(handle.toggle).toHaveBeenCalledOnce();
  });

  it('draws the launcher when the snippet runs before <body> exists', () => {
    const body = document.body;
    body.remove();
    try {
      expect(document.body).toBeNull();
      createCore({ server: 'https://chat.bank.example' }, fakeUi().loadUi, vi.fn());
      const host = document.documentElement.querySelector(':scope > parley-widget');
      expect(host?.shadowRoot?.querySelector('button')?.textContent).toBe('Chat with us');
      host?.remove();
    } finally {
      document.documentElement.append(body);
    }
  });

  it('remembers commands until the UI is there, and shuts down without a trace', async () => {
    const { loadUi, handle } = fakeUi();
    sessionStorage.setItem('parley:outbox', '[]');
    const command = createCore({ server: 'https://chat.bank.example' }, loadUi, vi.fn());
    command('requestCallback');
    command('close');
    await settle();
    expect(handle.requestCallback).toHaveBeenCalledOnce();
    expect(handle.close).toHaveBeenCalledOnce();
    command('shutdown');
    expect(handle.destroy).toHaveBeenCalledOnce();
    expect(document.querySelector('parley-widget')).toBeNull();
    expect(sessionStorage.getItem('parley:outbox')).toBeNull();
  });

  it('opens at once for a handoff link, and reconnects in the background for a session', async () => {
    history.replaceState(null, '', '/#parley=Xq3_abcdefghijklmnopqr');
    const first = fakeUi();
    createCore({ server: 'https://chat.bank.example' }, first.loadUi, vi.fn());
    await settle();
    expect(first.handle.open).toHaveBeenCalledOnce();

    document.body.innerHTML = '';
    history.replaceState(null, '', '/');
    sessionStorage.setItem('parley:session', '{}');
    const second = fakeUi();
    createCore({ server: 'https://chat.bank.example' }, second.loadUi, vi.fn());
    await settle();
    expect(second.mountUi).toHaveBeenCalledOnce();
    expect(second.handle.open).not.toHaveBeenCalled();
  });

  it('reports a failed download and tries again on the next tap', async () => {
    const emit = vi.fn();
    const loadUi = vi.fn(async (): Promise<UiModule> => {
      throw new Error('offline');
    });
    createCore({ server: 'https://chat.bank.example' }, loadUi, emit);
    const launcher = document.querySelector('parley-widget')?.shadowRoot?.querySelector('button');
    launcher?.click();
    await settle();
    expect(emit).toHaveBeenCalledWith('error', { code: 'UNAVAILABLE', message: 'Error: offline' });
    launcher?.click();
    await settle();
    expect(loadUi).toHaveBeenCalledTimes(2);
  });

  it('puts nothing on the page’s body but its own host', () => {
    createCore({ server: 'https://chat.bank.example' }, fakeUi().loadUi, vi.fn());
    expect(document.body.getAttribute('style')).toBeNull();
    expect(document.body.children).toHaveLength(1);
  });
});
