import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium; the suites never download a browser of their own. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Whether this run may proceed without Chromium. Under `PARLEY_CI=1` a missing browser is a
 * failure, never a skip: CI must prove the browser suites ran.
 */
export function chromiumMissingReason(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  const reason = `Chromium is not installed at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium`;
  if (process.env.PARLEY_CI === '1') throw new Error(reason);
  return reason;
}

/**
 * Starts Debian's Chromium headless through playwright-core with the flags this machine needs:
 * no sandbox (tests run as root), no GPU, and no background networking (the machine has no
 * route out, and Chromium's update and telemetry calls would only fail and add noise).
 *
 * @example
 * const browser = await launchChromium();
 * const page = await browser.newPage();
 */
export async function launchChromium(): Promise<Browser> {
  const missing = chromiumMissingReason();
  if (missing !== null) throw new Error(missing);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}
