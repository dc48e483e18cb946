import type { Channel, Locale } from '@parley/protocol';
import type { WeeklyHours } from '../conversations/openingHours.js';
import type { Fanout } from '../fanout/Fanout.js';
import type { Metrics } from '../metrics/createMetrics.js';
import type { Presence } from '../presence/Presence.js';
import type { RedactorCache } from '../redaction/redactMessage.js';
import type { Store } from '../store/Store.js';

/** A team as configured. */
export interface TeamSettings {
  id: string;
  name: string;
  openingHours: WeeklyHours | null;
}

/** The part of the configuration the services act on. */
export interface ServiceSettings {
  /** Handoff links are `${publicUrl}/h/<code>`. */
  publicUrl: string;
  handoffTtlMs: number;
  /** How long the agent who made a handoff has to answer before it falls back to the queue. */
  fallbackMs: number;
  idleCloseMs: number;
  slaMinutes: Record<Channel, number>;
  /** The first team is the default for chats without a handoff. */
  teams: readonly TeamSettings[];
  anonymousChat: boolean;
  defaultLocale: Locale;
  /** Where new call-backs are announced to the bank's dialer; null when not configured. */
  callbackWebhook: { url: string; secret: string } | null;
}

/** What to log when something unexpected happens; never message text, tokens or phone numbers. */
export interface ServiceLog {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/**
 * Everything a service function needs, passed explicitly: the store, the clock, the settings, where
 * pushes go, who is online, the metrics and the log. Tests build one around a real store.
 */
export interface ServiceContext {
  store: Store;
  now: () => Date;
  settings: ServiceSettings;
  fanout: Fanout;
  presence: Presence;
  metrics: Metrics;
  /** The split-number check's per-conversation state on this node. */
  redactors: RedactorCache;
  log: ServiceLog;
}
