// Open-loop load: messages are emitted on a fixed schedule whether or not earlier ones were
// answered, and each latency is measured from the message's intended send time, not from when
// the generator got round to sending it. A stalled server (or generator) therefore shows up in the
// latencies instead of silently lowering the offered rate (coordinated omission).
import { performance } from 'node:perf_hooks';

/** The latency bound of the rate search, in ms. */
export const P99_LIMIT_MS = 50;
/** How long after its last send a step waits for answers; later ones count as undelivered. */
export const DRAIN_MS = 10_000;
/** How long a step then waits for the server to work through its backlog before giving up. */
const RECOVER_MS = 60_000;

/** Status of one scheduled message. */
const PENDING = 0;
const ARRIVED = 1;
/** Counted as over the limit while still unanswered; it may still arrive. */
const OVERDUE = 2;
const FAILED = 3;

let stepCounter = 0;

/** Nearest-rank percentile of sorted values. */
export const percentile = (sorted, p) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Offers `rate` messages per second for `seconds` over the conversations, round robin, and
 * measures customer emit → agent `message:new`. Messages unanswered {@link DRAIN_MS} after the
 * last send count as undelivered (infinitely late). With `stopOnceOver`, the step stops as soon as
 * so many messages are over {@link P99_LIMIT_MS} that its p99 cannot end below it: the verdict is
 * already known, and a shorter overload leaves less backlog to disturb the next step. The step
 * returns only once the server has answered everything sent, or with `recovered: false` after
 * {@link RECOVER_MS}: a step measured on top of the previous one's backlog would be meaningless.
 *
 * @example
 * const step = await offerLoad(pairs, texts, { rate: 1000, seconds: 10 });
 * step.p99; // ms
 */
export async function offerLoad(pairs, texts, { rate, seconds, stopOnceOver = false }) {
  const total = Math.round(rate * seconds);
  const prefix = `load-${++stepCounter}-`;
  const interval = 1000 / rate;
  const latency = new Float64Array(total).fill(Number.POSITIVE_INFINITY);
  const sendLag = new Float64Array(total);
  const status = new Uint8Array(total);
  // A p99 at or over the limit is certain once this many messages are over it.
  const overLimitForMiss = total - Math.ceil(0.99 * total) + 1;
  let overLimit = 0;
  let arrived = 0;
  let failed = 0;
  let sent = 0;
  let scanned = 0;
  let start = 0;

  const onMessage = (message) => {
    const id = message.clientMsgId;
    if (typeof id !== 'string' || !id.startsWith(prefix)) return;
    const k = Number(id.slice(prefix.length));
    if (status[k] === ARRIVED || status[k] === FAILED) return;
    latency[k] = performance.now() - (start + k * interval);
    if (status[k] !== OVERDUE && latency[k] >= P99_LIMIT_MS) overLimit++;
    status[k] = ARRIVED;
    arrived++;
  };
  const onAck = (k) => (ack) => {
    if (ack.ok || status[k] === ARRIVED) return;
    if (status[k] !== OVERDUE) overLimit++;
    status[k] = FAILED;
    failed++;
  };
  for (const { agent } of pairs) agent.on('message:new', onMessage);

  // Everything scheduled more than the limit ago and still unanswered is over the limit already.
  const markOverdue = (now) => {
    const horizon = Math.min(sent, Math.floor((now - start - P99_LIMIT_MS) / interval) + 1);
    for (; scanned < horizon; scanned++) {
      if (status[scanned] === PENDING) {
        status[scanned] = OVERDUE;
        overLimit++;
      }
    }
  };

  start = performance.now();
  let stoppedAfter = null;
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor((now - start) / interval) + 1);
      for (; sent < due; sent++) {
        const pair = pairs[sent % pairs.length];
        sendLag[sent] = performance.now() - (start + sent * interval);
        pair.customer.emit(
          'message:send',
          {
            conversationId: pair.conversationId,
            clientMsgId: `${prefix}${sent}`,
            text: texts[sent % texts.length],
          },
          onAck(sent),
        );
      }
      markOverdue(now);
      if (stopOnceOver && overLimit >= overLimitForMiss) {
        stoppedAfter = (now - start) / 1000;
        resolve();
      } else if (sent < total) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });

  const answered = () => arrived + failed === sent;
  const drainUntil = performance.now() + DRAIN_MS;
  while (!answered() && performance.now() < drainUntil) await sleep(10);
  // A copy: answers arriving while the server recovers must not change the step's figures.
  const measured = latency.slice(0, sent).sort();
  const undelivered = sent - arrived;
  const recoverUntil = performance.now() + RECOVER_MS;
  while (!answered() && performance.now() < recoverUntil) await sleep(50);
  for (const { agent } of pairs) agent.off('message:new', onMessage);

  const lags = sendLag.subarray(0, sent).sort();
  return {
    rate,
    seconds,
    sent,
    failed,
    undelivered,
    recovered: answered(),
    p50: percentile(measured, 0.5),
    p99: percentile(measured, 0.99),
    max: measured[sent - 1],
    sendLagP99: percentile(lags, 0.99),
    stoppedAfter,
    passed: stoppedAfter === null && percentile(measured, 0.99) < P99_LIMIT_MS,
  };
}
