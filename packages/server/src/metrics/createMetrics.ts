import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The server's Prometheus metrics, on a registry of its own (so several servers in one process,
 * as in tests, do not collide). Labels never carry personal data or message text: only kinds,
 * channels, namespaces and error codes.
 *
 * @example
 * const metrics = createMetrics();
 * metrics.messagesRelayed.inc({ from: 'customer' });
 * await metrics.registry.metrics(); // the text exposition format
 */
export function createMetrics() {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    sockets: new Gauge({
      name: 'parley_sockets',
      help: 'Connected sockets',
      labelNames: ['namespace'],
      registers,
    }),
    messagesRelayed: new Counter({
      name: 'parley_messages_relayed_total',
      help: 'Messages stored and relayed',
      labelNames: ['from'],
      registers,
    }),
    relayLatency: new Histogram({
      name: 'parley_relay_latency_seconds',
      help: 'From receiving a message to acknowledging it (validated, redacted, stored, fanned out)',
      buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1],
      registers,
    }),
    handoffs: new Counter({
      name: 'parley_handoffs_total',
      help: 'Handoffs by event (created, picked, claimed, expired, revoked)',
      labelNames: ['event', 'channel'],
      registers,
    }),
    callbacks: new Counter({
      name: 'parley_callbacks_total',
      help: 'Call-backs by event',
      labelNames: ['event'],
      registers,
    }),
    redactions: new Counter({
      name: 'parley_redactions_total',
      help: 'Numbers masked, by kind',
      labelNames: ['kind'],
      registers,
    }),
    slaBreaches: new Counter({
      name: 'parley_sla_breaches_total',
      help: 'Conversations whose first private reply missed the SLA',
      labelNames: ['channel'],
      registers,
    }),
    rejected: new Counter({
      name: 'parley_rejected_total',
      help: 'Requests refused, by error code',
      labelNames: ['code'],
      registers,
    }),
  };
}

/** The metrics of one server. */
export type Metrics = ReturnType<typeof createMetrics>;
