import WebSocket from 'ws';

/**
 * A Socket.IO client written by hand over a plain `ws` WebSocket, for what socket.io-client will
 * not send: payloads nested deeper than its encoder recurses, reserved event names, thousands of
 * frames without waiting. Engine.IO v4 framing: `0` open, `2`/`3` ping/pong, `4` message; inside a
 * message, Socket.IO packets `0` connect, `2` event, `3` ack, `4` connect error
 * (https://socket.io/docs/v4/socket-io-protocol/).
 */
export interface RawSocket {
  /** Sends one Socket.IO packet (without the Engine.IO `4`). */
  packet(text: string): void;
  /** Emits `event` with `payloadJson` (already JSON) and an ack id; resolves with the ack's JSON. */
  request(event: string, payloadJson: string, timeoutMs?: number): Promise<unknown>;
  /** Emits without an ack. */
  signal(event: string, payloadJson: string): void;
  /** Every Socket.IO packet received, in order. */
  readonly received: string[];
  /** Resolves with the close code when the server closes the connection. */
  readonly closed: Promise<number>;
  isOpen(): boolean;
  close(): void;
}

/** The Socket.IO connect answer: `40/ns,{"sid":…}` or `44/ns,{"message","data"}`. */
export type ConnectAnswer =
  | { ok: true; socket: RawSocket }
  | { ok: false; error: { code?: string; message?: string } | null; closeCode?: number };

/**
 * Opens a WebSocket to the server's Engine.IO endpoint and connects to `namespace` with `auth`.
 *
 * @example
 * const answer = await rawConnect(t.url, '/customer', { token, v: 1 });
 * if (answer.ok) await answer.socket.request('conversation:start', '{}');
 */
export function rawConnect(
  baseUrl: string,
  namespace: string,
  auth: unknown,
  headers: Record<string, string> = {},
  query = '',
): Promise<ConnectAnswer> {
  const url = `${baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket${query}`;
  const ws = new WebSocket(url, { headers, maxPayload: 16 * 1024 * 1024 });
  const received: string[] = [];
  const acks = new Map<number, (value: unknown) => void>();
  let nextId = 1;
  const prefix = `${namespace},`;
  let onConnect: ((answer: ConnectAnswer) => void) | undefined;
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  const socket: RawSocket = {
    packet: (text) => ws.send(`4${text}`),
    request(event, payloadJson, timeoutMs = 5_000) {
      const id = nextId++;
      ws.send(`42${prefix}${id}[${JSON.stringify(event)},${payloadJson}]`);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          acks.delete(id);
          reject(new Error(`no ack for ${event} within ${timeoutMs} ms`));
        }, timeoutMs);
        acks.set(id, (value) => {
          clearTimeout(timer);
          resolve(value);
        });
      });
    },
    signal(event, payloadJson) {
      ws.send(`42${prefix}[${JSON.stringify(event)},${payloadJson}]`);
    },
    received,
    closed,
    isOpen: () => ws.readyState === WebSocket.OPEN,
    close: () => ws.close(),
  };
  ws.on('message', (data) => {
    const text = data.toString();
    if (text === '2') return ws.send('3');
    if (text.startsWith('0')) return ws.send(`40${prefix}${JSON.stringify(auth)}`);
    if (!text.startsWith('4')) return;
    const packet = text.slice(1);
    received.push(packet);
    if (packet.startsWith(`0${prefix}`)) onConnect?.({ ok: true, socket });
    else if (packet.startsWith(`4${prefix}`)) {
      const body = JSON.parse(packet.slice(prefix.length + 1)) as {
        data?: { code?: string; message?: string };
      };
      onConnect?.({ ok: false, error: body.data ?? null });
    } else if (packet.startsWith(`3${prefix}`)) {
      const rest = packet.slice(prefix.length + 1);
      const bracket = rest.indexOf('[');
      const id = Number(rest.slice(0, bracket));
      const args = JSON.parse(rest.slice(bracket)) as unknown[];
      acks.get(id)?.(args[0]);
      acks.delete(id);
    }
  });
  ws.on('error', () => {});
  return new Promise((resolve) => {
    onConnect = (answer) => {
      onConnect = undefined;
      resolve(answer);
    };
    void closed.then((code) => onConnect?.({ ok: false, error: null, closeCode: code }));
  });
}
