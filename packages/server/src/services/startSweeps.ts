import { purgeExpired } from '../compliance/complianceOps.js';
import type { Config } from '../config/index.js';
import {
  sweepExpiredHandoffs,
  sweepFallbacks,
  sweepIdle,
  sweepSlaWarnings,
} from '../conversations/sweeps.js';
import type { ServiceContext } from './ServiceContext.js';

/** How many fast sweeps pass between two slow ones (idle close, retention). */
const SLOW_EVERY = 60;

/**
 * Runs the deadline sweeps: every tick the same-agent fallback, handoff expiry and SLA warnings;
 * every 60th tick the idle close and retention purge. A tick never overlaps the previous one, and
 * a failing sweep is logged, not fatal. The deadlines live in the store, so a restart (or another
 * node) picks up exactly where this one stopped.
 *
 * @example
 * const sweeps = startSweeps(ctx, config, 1_000);
 * sweeps.stop();
 */
export function startSweeps(ctx: ServiceContext, config: Config, intervalMs: number) {
  let tick = 0;
  let running: Promise<void> | null = null;
  const run = async () => {
    tick += 1;
    await sweepFallbacks(ctx);
    await sweepExpiredHandoffs(ctx);
    await sweepSlaWarnings(ctx);
    if (tick % SLOW_EVERY === 0) {
      await sweepIdle(ctx);
      if (config.retentionDays !== null) await purgeExpired(ctx, config.retentionDays);
    }
  };
  const timer = setInterval(() => {
    if (running !== null) return;
    running = run()
      .catch((error: unknown) => ctx.log.error({ err: error }, 'sweep failed'))
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return {
    stop(): void {
      clearInterval(timer);
    },
    /** Runs one full sweep now (tests; the CLI's maintenance command). */
    async runNow(): Promise<void> {
      tick = SLOW_EVERY - 1;
      await run();
    },
  };
}
