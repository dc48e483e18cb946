import type { Channel } from '@parley/protocol';

const LABELS: Record<Channel, string> = {
  x: 'X',
  facebook: 'Facebook',
  web: 'Web chat',
  other: 'Other',
};

/**
 * A channel's name as agents say it.
 *
 * @example
 * channelLabel('x'); // 'X'
 */
export function channelLabel(channel: Channel): string {
  return LABELS[channel];
}
