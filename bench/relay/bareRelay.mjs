// The baseline: a plain Socket.IO server with the same two namespaces, relaying `message:send` from
// a customer socket to its paired agent socket and acking. No auth, no store, no redaction, no
// rooms: what any relay costs on this machine, so Parley's figures can be read as a ratio.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

/** Starts the bare relay on 127.0.0.1 and a free port. Sockets pair by `auth.pair`. */
export async function startBareRelay() {
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
    socket.on('message:send', (payload, ack) => {
      agents.get(pair)?.emit('message:new', payload);
      ack({ ok: true });
    });
  });
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    port: http.address().port,
    close: () => new Promise((resolve) => io.close(() => resolve())),
  };
}
