// The baseline: a plain Socket.IO server with the same two namespaces, relaying `message:send` from
// a customer socket to its paired agent socket and acking. No auth, no store, no redaction, no
// rooms: what any relay costs on this machine, so Parley's figures can be read as a ratio.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

/**
 * A Socket.IO server on 127.0.0.1 and a free port with `/customer` and `/agent` sockets paired by
 * `auth.pair`; `onSend(payload, ack, agent)` handles each customer `message:send`, `agent()`
 * being the paired agent socket (if connected). Both baselines are this server.
 */
export async function startPairedRelay(onSend, onClose = async () => {}) {
  const http = createServer();
  const io = new Server(http, { transports: ['websocket'], serveClient: false });
  const agents = new Map();
  io.of('/agent').on('connection', (socket) => {
    const pair = socket.handshake.auth.pair;
    agents.set(pair, socket);
    socket.on('disconnect', () => agents.delete(pair));
  });
  io.of('/customer').on('connection', (socket) => {
    const pair = socket.handshake.auth.pair;
    socket.on('message:send', (payload, ack) => onSend(payload, ack, () => agents.get(pair)));
  });
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    port: http.address().port,
    close: async () => {
      await new Promise((resolve) => io.close(() => resolve()));
      await onClose();
    },
  };
}

/** Starts the bare relay. */
export function startBareRelay() {
  return startPairedRelay((payload, ack, agent) => {
    agent()?.emit('message:new', payload);
    ack({ ok: true });
  });
}
