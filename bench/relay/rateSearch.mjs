// The highest offered rate whose p99 stays under the limit: double (or halve) from a measured
// first step until the verdict flips, then bisect between the last pass and the first miss.

/**
 * `measure(rate)` runs one step and returns it with `passed` and `recovered`. `first` is a step
 * already measured (the fixed-rate one), reused rather than run again. The search stops at a step
 * the server did not recover from: later steps would measure its backlog. `best` is null when no
 * step passed.
 *
 * @example
 * const { best, steps } = await findMaxRate(measure, fixedStep, { bisections: 3, floor: 125, cap: 64000 });
 */
export async function findMaxRate(measure, first, { bisections, floor, cap }) {
  const steps = [first];
  let step = first;
  let passed = first.passed ? first.rate : null;
  let missed = first.passed ? null : first.rate;
  while (step.recovered && (step.passed ? step.rate < cap : step.rate > floor)) {
    step = await measure(step.passed ? step.rate * 2 : step.rate / 2);
    steps.push(step);
    if (step.passed) passed = step.rate;
    else missed = step.rate;
    if (passed !== null && missed !== null) break;
  }
  for (let i = 0; i < bisections && step.recovered && passed !== null && missed !== null; i++) {
    const rate = Math.round((passed + missed) / 2 / 50) * 50;
    if (rate === passed || rate === missed) break;
    step = await measure(rate);
    steps.push(step);
    if (step.passed) passed = rate;
    else missed = rate;
  }
  return {
    best: passed,
    capped: missed === null && step.recovered,
    unrecovered: step.recovered ? null : step.rate,
    steps,
  };
}
