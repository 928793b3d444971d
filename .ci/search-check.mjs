// Checks of the site search in headless Chromium (Debian's /usr/bin/chromium driven by
// playwright-core), over file:// or http, with the same launch setup as browser-check.mjs.
//
//   node .ci/search-check.mjs --label file --site public \
//        --base file:///abs/public/ --artifacts /tmp/stateside-ci/search-file
//
// --site is the folder on disk (read for data/states.json), --base the URL it is loaded
// from. Checks: the box is hidden with JavaScript off and shown with it on; no request for
// the index (nor anything else) before the box is used, and "/" focuses it; "warrant" shows
// results with marked words whose first link leads to a page containing "warrant"; "opt
// out" lists that topic's answers first; a state filter keeps only that state's results;
// arrows and Enter navigate to a result, Esc closes the list; no console errors or failed
// requests; axe-core clean with the results open, light and dark, at 1280 and 390 px (and
// no horizontal overflow at 390). Exits 1 if any check failed.

import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { axe, launchChromium, parseArgs as parsePairs } from './chromium.mjs';

const INPUT = '[data-search] input[type=search]';
const RESULTS = '[data-search-results] [role=option]';

function parseArgs(argv) {
  const args = parsePairs(argv, ['label', 'site', 'base', 'artifacts']);
  if (!args.base.endsWith('/')) args.base += '/';
  args.site = resolve(args.site);
  return args;
}

const args = parseArgs(process.argv.slice(2));
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

const data = JSON.parse(readFileSync(join(args.site, 'data', 'states.json'), 'utf8'));
const state = data.states.find((s) => s.slug === 'iowa') ?? data.states[0];
const OPT_OUT = 'opt-out';
const optOutAnswers = data.states.filter((s) => s.questions.some((q) => q.topic === OPT_OUT)).length;
// Question pages are named after the state's own question (q<N>-<words>.html), not the
// topic: the topic page's links say which pages answer it.
const optOutPages = [
  ...readFileSync(join(args.site, 'topics', OPT_OUT, 'index.html'), 'utf8').matchAll(
    /href="\.\.\/\.\.\/(states\/[^"#]+\.html)/g,
  ),
]
  .map((m) => m[1])
  .filter((p) => !p.endsWith('/index.html'));
// A state page: deep enough that every link and index file is two folders up.
const START = `states/${state.slug}/index.html`;

/// Opens a page, recording console errors, failed requests and every request made.
async function open(context, rel) {
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  page.on('request', (req) => requests.push(req.url()));
  await page.goto(args.base + rel, { waitUntil: 'load' });
  return { page, problems, requests };
}

/// Types a query into the box (replacing what is there) and waits for its results.
async function search(page, query) {
  await page.fill(INPUT, '');
  // Forget the last query's marks, so that the wait below is for this one.
  await page.evaluate(() => {
    const box = document.querySelector('[data-search]');
    box.removeAttribute('data-search-done');
    box.removeAttribute('data-search-snippets');
  });
  await page.focus(INPUT);
  await page.keyboard.type(query);
  // Wait for this query's own run: while the words are typed, a shorter prefix can show
  // "No results" first, and reading then raced the real results.
  await page.waitForFunction(
    (q) => {
      const box = document.querySelector('[data-search]');
      return box.getAttribute('data-search-done') === q
        && (box.getAttribute('data-search-snippets') === q
          || document.querySelector('[data-search-count]').textContent.startsWith('No results'));
    },
    query,
    { timeout: 10_000 },
  );
  return page.$$eval(RESULTS, (links) => links.map((a) => ({
    href: a.href,
    text: a.textContent,
    marks: [...a.querySelectorAll('mark')].map((m) => m.textContent.toLowerCase()),
  })));
}

async function checkNoScript(browser) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const { page, problems } = await open(context, START);
  const visible = await page.isVisible('[data-search]');
  check('with JavaScript off the search box is hidden', [...problems, ...(visible ? ['the box is visible'] : [])]);
  await context.close();
}

async function checkLazyLoad(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems, requests } = await open(context, START);
  await page.waitForTimeout(500);
  const before = requests.filter((u) => u.startsWith(`${args.base}search/`));
  const found = [...problems];
  if (!(await page.isVisible(INPUT))) found.push('the search box is not visible with JavaScript on');
  if (before.length) found.push(`requested before the box was used: ${before.join(', ')}`);
  await page.keyboard.press('/');
  const focused = await page.evaluate(() => document.activeElement?.type === 'search');
  if (!focused) found.push('"/" did not focus the search box');
  await page.waitForFunction(() => window.statesideSearch && window.statesideSearch.index, null, { timeout: 10_000 })
    .catch(() => found.push('focusing the box did not load search/index.js'));
  check(`${START}: no index request at page load (${requests.length} requests, none under search/), "/" focuses and loads it`, found);
  await context.close();
}

async function checkQueries(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems, requests } = await open(context, START);

  // "warrant": results, marked words, and a first link to a page that has the word.
  const warrant = await search(page, 'warrant');
  const found = [];
  if (warrant.length === 0) found.push('no results for "warrant"');
  else {
    if (!warrant[0].marks.some((m) => m.startsWith('warrant'))) found.push(`first result marks no "warrant": ${warrant[0].marks}`);
    const target = await context.newPage();
    await target.goto(warrant[0].href);
    const text = (await target.locator('body').innerText()).toLowerCase();
    if (!text.includes('warrant')) found.push(`${warrant[0].href} does not contain "warrant"`);
    await target.close();
  }
  check(`"warrant": ${warrant.length} results, words marked, the first (${warrant[0]?.href ?? 'none'}) leads to a page with "warrant"`, found);

  // The open panel hides the page under it: an opaque background (a see-through panel
  // over the page's own text is unreadable, and axe does not see it).
  const background = await page.$eval('[data-search-panel]', (el) => getComputedStyle(el).backgroundColor);
  const seeThrough = /^rgba\(.*,\s*0\)$/.test(background) || background === 'transparent';
  check(`the results panel is opaque (${background})`, seeThrough ? [`the panel's background is ${background}`] : []);

  // "opt out": the topic's answers (and its page) first.
  const opt = await search(page, 'opt out');
  const expected = Math.min(optOutAnswers + 1, 5);
  const onTopic = (href) =>
    optOutPages.some((p) => href.split('#')[0].endsWith(`/${p}`)) || href.includes(`/topics/${OPT_OUT}/`);
  const off = opt.slice(0, expected).filter((r) => !onTopic(r.href)).map((r) => `off topic among the first ${expected}: ${r.href}`);
  if (opt.length < expected) off.push(`only ${opt.length} results, expected ${expected} on the topic at least`);
  check(`"opt out": the first ${expected} results are the ${OPT_OUT} topic's answers and page`, off);

  // The state filter keeps only that state's results.
  const all = await search(page, 'warrant');
  await page.selectOption('[data-search-state]', { label: state.name });
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-search-count]');
    return el && / in /.test(el.textContent);
  }, null, { timeout: 10_000 });
  const filtered = await page.$$eval(RESULTS, (links) => links.map((a) => a.href));
  const wrong = filtered.filter((h) => !h.includes(`/states/${state.slug}/`)).map((h) => `not ${state.name}: ${h}`);
  if (filtered.length === 0) wrong.push(`no results for "warrant" in ${state.name}`);
  if (all.length > 0 && filtered.length >= all.length && data.states.length > 1) {
    wrong.push(`the filter kept all ${all.length} results`);
  }
  check(`state filter ${state.name}: ${filtered.length} of ${all.length} results, all in ${state.name}`, wrong);
  await page.selectOption('[data-search-state]', '');

  // Keyboard: arrows move the highlight, Esc closes, Enter opens the highlighted result.
  const results = await search(page, 'warrant');
  const keys = [];
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const activeId = await page.getAttribute(INPUT, 'aria-activedescendant');
  const activeHref = activeId ? await page.getAttribute(`#${activeId}`, 'href') : null;
  if (!activeId) keys.push('ArrowDown set no aria-activedescendant');
  const expectedUrl = activeId ? await page.$eval(`#${activeId}`, (a) => a.href) : null;
  if (results.length > 1 && expectedUrl !== results[1].href) keys.push(`two ArrowDowns highlight ${expectedUrl}, not the second result`);
  await page.keyboard.press('Escape');
  if (await page.isVisible('[data-search-panel]')) keys.push('Esc did not close the results');
  await page.keyboard.press('ArrowDown');
  if (!(await page.isVisible('[data-search-panel]'))) keys.push('ArrowDown did not open the results again');
  await page.keyboard.press('ArrowUp');
  const target = await page.$eval(`#${await page.getAttribute(INPUT, 'aria-activedescendant')}`, (a) => a.href);
  await Promise.all([page.waitForURL(target, { timeout: 10_000 }), page.keyboard.press('Enter')])
    .catch((e) => keys.push(`Enter did not open ${target}: ${e.message.split('\n')[0]}`));
  check(`keyboard: arrows highlight (${activeHref}), Esc closes, Enter opens ${target}`, keys);

  const outside = requests.filter((u) => !u.startsWith(args.base) && !u.startsWith('data:'));
  check('no console errors, failed requests or requests outside the site', [
    ...problems,
    ...outside.map((u) => `request outside the site: ${u}`),
  ]);
  await context.close();
}

async function checkAxe(browser) {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    for (const colorScheme of ['light', 'dark']) {
      const context = await browser.newContext({ viewport, colorScheme });
      const { page, problems } = await open(context, START);
      await search(page, 'warrant');
      await page.keyboard.press('ArrowDown');
      const shot = join(args.artifacts, `search-${viewport.width}-${colorScheme}.png`);
      await page.screenshot({ path: shot });
      const found = [...problems, ...(await axe(page))];
      if (viewport.width < 500) {
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        if (wide > viewport.width + 1) found.push(`page is ${wide}px wide with the results open`);
      }
      check(`results open at ${viewport.width}px ${colorScheme}: axe-core, no serious or critical violations (${shot})`, found);
      await context.close();
    }
  }
}

async function main() {
  mkdirSync(args.artifacts, { recursive: true });
  console.log(`search checks [${args.label}] of ${args.base}`);
  const browser = await launchChromium();
  try {
    await checkNoScript(browser);
    await checkLazyLoad(browser);
    await checkQueries(browser);
    await checkAxe(browser);
  } finally {
    await browser.close();
  }
  console.log(`search checks [${args.label}]: ${passed} checks passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((err) => {
  console.error(`search checks [${args.label}] stopped: ${err.stack ?? err}`);
  process.exitCode = 1;
});
