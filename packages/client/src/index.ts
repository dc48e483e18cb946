/**
 * `@parley/client`: the connection logic the customer widget and the agent console share, free of
 * any UI framework: typed requests, the exactly-once outbox and the seq-ordered message log.
 */
export { createMessageLog, type MessageLog, type Sequenced } from './messageLog.js';
export { newClientMsgId } from './newClientMsgId.js';
export { createOutbox, type Outbox, type OutboxItem, type OutboxStorage } from './outbox.js';
export { createRequester, type RequestSocket } from './request.js';
export { TRANSPORTS } from './transports.js';
