import type { Channel } from '@parley/protocol';
import { channelLabel } from '../text/channelLabel';

/**
 * The channel a conversation began on, as a small label.
 *
 * @example
 * <ChannelBadge channel="x" />
 */
export function ChannelBadge(props: { channel: Channel }) {
  return <span class={`channel channel--${props.channel}`}>{channelLabel(props.channel)}</span>;
}
