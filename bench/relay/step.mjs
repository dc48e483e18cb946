// One measured step of offered load against a running server, as every relay script takes it:
// a settling pause, then an open-loop step with the server's, the generator's and the rest of
// the machine's CPU measured around it.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { machineBusySeconds } from './machine.mjs';
import { offerLoad } from './openLoad.mjs';
import { stepLine } from './report.mjs';

/** Pause before each step, so the previous one's tail does not land in it. */
const SETTLE_MS = 1_000;

/** CPU time between two `process.cpuUsage()` readings, in µs. */
const busy = (before, after) => after.user - before.user + after.system - before.system;

/**
 * Offers `rate` messages a second for `seconds` over `pairs` and prints the step's line.
 *
 * @example
 * const fixed = await measureStep('parley', server, pairs, texts, { label: 'fixed', rate: 1000, seconds: 20 });
 */
export async function measureStep(kind, server, pairs, texts, options) {
  const { label, rate, seconds, stopOnceOver = false } = options;
  await sleep(SETTLE_MS);
  const serverCpu = await server.cpu();
  const generatorCpu = process.cpuUsage();
  const machineBusy = machineBusySeconds();
  const began = performance.now();
  const result = await offerLoad(pairs, texts, { rate, seconds, stopOnceOver });
  const elapsedUs = (performance.now() - began) * 1000;
  result.serverCpuUs = busy(serverCpu, await server.cpu());
  result.serverCpu = result.serverCpuUs / elapsedUs;
  result.generatorCpu = busy(generatorCpu, process.cpuUsage()) / elapsedUs;
  // Clamped: /proc/stat counts in 10 ms ticks, so a quiet machine can read slightly negative.
  result.otherCpu = Math.max(
    0,
    ((machineBusySeconds() - machineBusy) * 1e6) / elapsedUs -
      result.serverCpu -
      result.generatorCpu,
  );
  console.log(stepLine(kind, label, result));
  return result;
}
