import type { Namespace } from 'socket.io';
import { type BroadcastOptions, type ClusterAdapter, MessageType } from 'socket.io-adapter';

/** How Socket.IO makes a namespace's adapter. */
export type AdapterFactory = (nsp: Namespace) => ClusterAdapter;

/**
 * What a cluster adapter uses to tell the other nodes (protected in `ClusterAdapter`, whose own
 * `broadcast` calls it the same way).
 */
interface Publisher {
  publish(message: {
    type: MessageType.BROADCAST;
    data: {
      packet: unknown;
      opts: { rooms: string[]; except: string[]; flags: BroadcastOptions['flags'] };
    };
  }): void;
}

/**
 * Makes a cluster adapter deliver to this node's sockets at once and publish to the other nodes
 * alongside. `ClusterAdapter#broadcast` delivers locally only after Redis has acknowledged the
 * publish (it waits for the stream offset, which only Socket.IO's own connection-state recovery
 * uses, and Parley does not: clients resume by `seq`). That put a Redis round trip, and any pause
 * of Redis or of this node's event loop, in front of every message between two sockets on one node,
 * and stopped them hearing each other at all while Redis was down.
 *
 * Order is kept: this node's sockets get broadcasts in the order they are made, and the other nodes
 * get them in the order they were published, on the one Redis connection.
 *
 * @example
 * new Server(http, { adapter: localFirst(createAdapter(redisClient)) });
 */
export function localFirst(factory: AdapterFactory): AdapterFactory {
  // A function, not an arrow: Socket.IO calls the factory with `new`, and an object it returns
  // becomes the result.
  return function localFirstAdapter(nsp: Namespace) {
    const adapter = factory(nsp);
    const broadcast = adapter.broadcast.bind(adapter);
    adapter.broadcast = (packet: unknown, opts: BroadcastOptions) => {
      if (opts.flags?.local === true) return broadcast(packet, opts);
      // With the local flag, ClusterAdapter delivers before its first await: synchronously.
      void broadcast(packet, { ...opts, flags: { ...opts.flags, local: true } });
      (adapter as unknown as Publisher).publish({
        type: MessageType.BROADCAST,
        data: {
          packet,
          opts: { rooms: [...opts.rooms], except: [...(opts.except ?? [])], flags: opts.flags },
        },
      });
      return Promise.resolve();
    };
    return adapter;
  };
}
