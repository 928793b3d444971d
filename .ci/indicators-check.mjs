// Browser checks of the "At a glance" box (coded indicator values) in headless
// Chromium (Debian's /usr/bin/chromium driven by playwright-core).
//
//   node .ci/indicators-check.mjs --label file --site public \
//        --base file:///abs/public/ --artifacts /tmp/stateside-ci/indicators
//
// For a state page with indicator values: the box is there with one row per
// indicator; keyboard alone (Tab) reaches an evidence disclosure, Enter opens
// it, Tab reaches the link to the answer and Enter follows it to the question
// page, where the linked sentence is a highlighted <mark> in view; axe-core
// finds no serious or critical violations on the state page (disclosures shut
// and open) and on the question page, in light and dark, at 1280 and 390 px.
// Exits 1 if any check failed.

import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { axe, launchChromium, parseArgs } from './chromium.mjs';

const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
];
const SCHEMES = ['light', 'dark'];

const args = parseArgs(process.argv.slice(2), ['label', 'site', 'base', 'artifacts']);
if (!args.base.endsWith('/')) args.base += '/';
mkdirSync(args.artifacts, { recursive: true });

let passed = 0;
let failed = 0;
function check(name, problems) {
  if (problems.length === 0) {
    passed += 1;
    console.log(`  PASS [${args.label}] ${name}`);
  } else {
    failed += 1;
    console.log(`  FAIL [${args.label}] ${name}`);
    for (const line of problems) console.log(`       ${line}`);
  }
}

// The state whose page has the most values decided from its answers.
const data = JSON.parse(readFileSync(join(resolve(args.site), 'data', 'states.json'), 'utf8'));
const indicatorCount = (data.indicators || []).length;
const states = data.states
  .map((s) => ({ s, n: (s.indicators || []).filter((v) => v.evidence).length }))
  .sort((a, b) => b.n - a.n);
if (indicatorCount === 0 || states.length === 0 || states[0].n === 0) {
  check('a state with indicator evidence exists', ['data/states.json has no indicator evidence']);
  process.exit(1);
}
const state = states[0].s;
const stateUrl = `${args.base}states/${state.slug}/index.html`;

const browser = await launchChromium();
try {
  // Keyboard: Tab to the first evidence disclosure, open it, follow its link.
  {
    const context = await browser.newContext({ viewport: VIEWPORTS[0] });
    const page = await context.newPage();
    await page.goto(stateUrl);
    const rows = await page.locator('.glance .glance-item').count();
    check(`At a glance lists ${indicatorCount} indicators (${state.name})`,
      rows === indicatorCount ? [] : [`found ${rows} rows`]);
    let reached = null;
    for (let i = 0; i < 300 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => {
        const el = document.activeElement;
        const details = el && el.closest('.glance details');
        if (!details || el.tagName !== 'SUMMARY' || !details.querySelector('a[href*="#evidence-"]')) return null;
        return { tabs: 0, text: el.textContent };
      });
      if (reached) reached.tabs = i + 1;
    }
    check('keyboard reaches an evidence disclosure in the At a glance box',
      reached ? [] : ['no evidence <summary> got focus after 300 Tab presses']);
    if (reached) {
      const focusVisible = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement);
        return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
      });
      check('the focused disclosure shows a focus outline', focusVisible ? [] : ['no outline on :focus-visible']);
      await page.keyboard.press('Enter');
      const open = await page.evaluate(() => document.activeElement.closest('details').open);
      check('Enter opens the evidence disclosure', open ? [] : ['details is still closed']);
      await page.screenshot({ path: join(args.artifacts, 'glance-open.png'), fullPage: false });
      await page.keyboard.press('Tab');
      const link = await page.evaluate(() => {
        const el = document.activeElement;
        return el && el.tagName === 'A' ? el.getAttribute('href') : null;
      });
      check('Tab then reaches the link to the answer', link && link.includes('#evidence-') ? [] : [`focus is on ${link}`]);
      if (link && link.includes('#evidence-')) {
        await Promise.all([page.waitForURL(/#evidence-/), page.keyboard.press('Enter')]);
        const target = await page.evaluate(() => {
          const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
          if (!el) return { problem: `no element ${location.hash}` };
          const r = el.getBoundingClientRect();
          const bg = getComputedStyle(el).backgroundColor;
          const parentBg = getComputedStyle(el.parentElement).backgroundColor;
          return {
            tag: el.tagName,
            inView: r.top >= 0 && r.top < innerHeight,
            highlighted: bg !== parentBg && bg !== 'rgba(0, 0, 0, 0)',
            text: el.textContent.slice(0, 60),
          };
        });
        const problems = [];
        if (target.problem) problems.push(target.problem);
        else {
          if (target.tag !== 'MARK') problems.push(`the target is a ${target.tag}, not a MARK`);
          if (!target.inView) problems.push('the marked sentence is not in view');
          if (!target.highlighted) problems.push('the marked sentence has no highlight');
        }
        check(`Enter follows it to the marked sentence (${target.text || ''}…)`, problems);
        await page.screenshot({ path: join(args.artifacts, 'evidence-target.png') });
      }
    }
    await context.close();
  }

  // axe-core in light and dark, at both widths: state page (shut, then open) and the
  // question page with its marked sentence as the target.
  const evidence = state.indicators.find((v) => v.evidence);
  for (const viewport of VIEWPORTS) {
    for (const colorScheme of SCHEMES) {
      const tag = `${viewport.width}px ${colorScheme}`;
      const context = await browser.newContext({ viewport, colorScheme });
      const page = await context.newPage();
      await page.goto(stateUrl);
      check(`state page ${tag}: axe-core, disclosures shut`, await axe(page));
      await page.evaluate(() => document.querySelectorAll('.glance details').forEach((d) => { d.open = true; }));
      check(`state page ${tag}: axe-core, disclosures open`, await axe(page));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      check(`state page ${tag}: no sideways scroll with the evidence open`, overflow <= 1 ? [] : [`${overflow}px too wide`]);
      await page.locator('.glance').screenshot({ path: join(args.artifacts, `glance-${viewport.width}-${colorScheme}.png`) });
      const href = await page.locator('.glance a[href*="#evidence-"]').first().getAttribute('href');
      await page.goto(new URL(href, stateUrl).href);
      check(`question page ${tag} (${evidence.id}): axe-core with the sentence marked`, await axe(page));
      await context.close();
    }
  }
} finally {
  await browser.close();
}

console.log(`indicators-check [${args.label}]: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
