import type { Config } from '../config/index.js';
import type { ServiceSettings } from './ServiceContext.js';

/**
 * The services' settings from the validated configuration: durations in milliseconds, the first
 * configured team as the default.
 *
 * @example
 * const settings = serviceSettings(loadConfig(process.env));
 */
export function serviceSettings(config: Config): ServiceSettings {
  return {
    publicUrl: config.publicUrl,
    handoffTtlMs: config.handoffTtlHours * 3_600_000,
    fallbackMs: config.fallbackSeconds * 1000,
    idleCloseMs: config.idleCloseMinutes * 60_000,
    slaMinutes: { ...config.slaMinutes },
    teams: config.teams.map((team) => ({
      id: team.id,
      name: team.name,
      openingHours: team.openingHours,
    })),
    anonymousChat: config.anonymousChat,
    defaultLocale: 'en',
    callbackWebhook: config.callbackWebhook,
  };
}
