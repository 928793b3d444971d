// What every browser check under .ci/ shares: Debian's Chromium (/usr/bin/chromium,
// no browser is downloaded) launched through playwright-core with flags that keep it off
// the network, the `--key value` argument parser, and axe-core's serious and critical
// violations as lines to print.
//
//   import { launchChromium, parseArgs, axe } from './chromium.mjs';

import { chromium } from 'playwright-core';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const AXE_PATH = join(here, 'node_modules', 'axe-core', 'axe.min.js');
export const CHROMIUM = '/usr/bin/chromium';
// Without these Chromium tries to reach the network (updates, sync, QUIC
// probes) and can hang. Playwright's launch() always adds a fresh temporary
// --user-data-dir itself (and refuses one in args), so that is not listed.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts headless Chromium with the flags above. */
export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}

/**
 * `--key value` pairs -> { key: value }; throws on an argument that is not such a pair
 * and on a missing one of `required`.
 */
export function parseArgs(argv, required) {
  const args = {};
  const expected = required.map((k) => `--${k}`).join(' ');
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) {
      throw new Error(`bad argument ${argv[i]}; expected ${expected}`);
    }
    args[argv[i].slice(2)] = argv[i + 1];
  }
  for (const key of required) {
    if (!args[key]) throw new Error(`missing --${key}`);
  }
  return args;
}

/** axe-core run on the page: its serious and critical violations, as lines to print. */
export async function axe(page) {
  await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(() => window.axe.run());
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return bad.flatMap((v) => [
    `${v.impact} ${v.id}: ${v.help} (${v.nodes.length} element(s))`,
    ...v.nodes.slice(0, 5).map((n) => `  at ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`),
  ]);
}
