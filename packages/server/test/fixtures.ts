import type { CreateHandoff } from '@parley/protocol';

/** A public thread as an agent pastes it: Anna's post on X, with a card number she half-typed. */
export function publicThread(minutesAgo = 4): CreateHandoff['thread'] {
  return [
    {
      author: 'Anna K',
      handle: '@anna_k',
      text: 'списали деньги дважды за одну покупку, карта 4276 3800 1234 5679!',
      postedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
      url: 'https://x.com/anna_k/status/1859999999999999999',
    },
  ];
}

/** A handoff request for the agent namespace. */
export function handoffInput(overrides: Partial<CreateHandoff> = {}): CreateHandoff {
  return {
    channel: 'x',
    thread: publicThread(),
    customerHandle: '@anna_k',
    locale: 'ru',
    ...overrides,
  };
}
