// Browser checks of the comparison views of a built stateside site, in headless
// Chromium (Debian's /usr/bin/chromium driven by playwright-core).
//
//   node .ci/compare-check.mjs --label file --site public \
//        --base file:///abs/public/ --artifacts /tmp/stateside-ci/compare-file
//
// At 1280 and 390 px, light and dark: the index, a state page, a topic page,
// the indicator matrix (compare/), the index map showing an indicator, the
// topic matrix (compare/topics/) and the two-state view (compare/states/)
// load without console errors or failed requests, and at 390 px none scrolls
// sideways; the indicator matrix, the map and the two comparison views have no
// serious or critical axe-core violations. At 1280 px the indicator matrix
// does not scroll sideways and shows every indicator's label; at 390 px it is
// one card per state. A filter and a sort set through the address show just
// the states the data says, in its order; with JavaScript off every state
// shows. Tab and Enter or Space alone open a cell's evidence. The map by value
// names each square's value and keeps its squares 44 px or more at 1280 px.
// The indicator matrix prints landscape with its header row repeated, every
// indicator and every state, and no screen-only text. The two-state view shows both states' answers
// (from file:// and from http under a sub-path: run it on both). The topic
// matrix obeys ?topics= in its address, shows every column with JavaScript
// off, and prints landscape with every state name and no screen-only text.
// A topic page's "Your state" menu jumps to the state's answer.
// The print page prints only the states of ?states= and names the state at
// the top of each of its sheets. Screenshots and PDFs go to --artifacts.
// Exits 1 if any check failed.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { axe, launchChromium, parseArgs as parsePairs } from './chromium.mjs';

const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
];
const SCHEMES = ['light', 'dark'];

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

/// Text compared loosely: quotes straightened, no hyphens, no whitespace.
function squash(text) {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[-\u00ad\u2010\u2011\u2012\u2013\u2014]/g, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

// ---- what to load -------------------------------------------------------

const data = JSON.parse(readFileSync(join(args.site, 'data', 'states.json'), 'utf8'));
if (data.states.length < 2) throw new Error('the comparison checks need at least two states');
const [stateA, stateB] = [
  data.states.find((s) => s.code === 'IA') ?? data.states[0],
  data.states.find((s) => s.code === 'AL') ?? data.states[1],
];
const answered = (data.topics ?? []).filter((t) =>
  data.states.some((s) => s.questions.some((q) => q.topic === t.id)));
const PAIR = `compare/states/index.html?a=${stateA.code}&b=${stateB.code}`;
const indicators = data.indicators ?? [];
if (indicators.length === 0) throw new Error('the comparison checks need indicators (content/indicators.toml)');
/// A state's value id on an indicator, as the matrix writes it.
function valueOf(state, id) {
  return state.indicators.find((c) => c.id === id)?.value ?? 'not-stated';
}
// The map shows the indicator whose values vary most across the states.
const MAPPED = [...indicators].sort((a, b) =>
  new Set(data.states.map((s) => valueOf(s, b.id))).size - new Set(data.states.map((s) => valueOf(s, a.id))).size)[0];
const MAP = `index.html?map=${MAPPED.id}`;
const PAGES = {
  index: 'index.html',
  matrix: 'compare/index.html',
  map: MAP,
  state: `states/${stateA.slug}/index.html`,
  topic: `topics/${answered[0].id}/index.html`,
  'topic-matrix': 'compare/topics/index.html',
  compare: PAIR,
};
const AXE_PAGES = new Set(['matrix', 'map', 'topic-matrix', 'compare']);
const SHOT_PAGES = new Set(['matrix', 'map', 'topic-matrix', 'compare']);

async function open(context, rel) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  page.on('requestfailed', (req) =>
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  await page.goto(args.base + rel, { waitUntil: 'load' });
  return { page, problems };
}

async function overflow(page) {
  const facts = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: innerWidth,
  }));
  return facts.scrollWidth <= facts.width + 1
    ? []
    : [`page is ${facts.scrollWidth}px wide in a ${facts.width}px viewport`];
}

/// The pair view is filled by a script after load: wait for its status line.
async function pairReady(page) {
  await page.waitForFunction(() => {
    const pair = document.querySelector('[data-pair]');
    return pair && !pair.hidden;
  }, null, { timeout: 10_000 }).catch(() => {});
}

/// At 1280 px every column heading is in view and nothing is cut off; at 390 px each state
/// is a card naming every indicator beside its value.
async function matrixLayout(page, width) {
  const facts = await page.evaluate(() => {
    const table = document.querySelector('[data-ind-matrix]');
    const box = table.getBoundingClientRect();
    const heads = [...table.tHead.rows[0].cells].slice(1).map((th) => {
      const r = th.getBoundingClientRect();
      return { text: th.innerText.trim(), left: r.left, right: r.right, width: r.width };
    });
    const row = table.tBodies[0].rows[0];
    const cells = [...row.cells].slice(1).map((td) => ({
      label: td.querySelector('.cell-label')?.innerText.trim() ?? '',
      visible: td.querySelector('.cell-label')?.offsetParent !== null,
    }));
    return { tableRight: box.right, viewport: innerWidth, heads, cells, rowDisplay: getComputedStyle(row).display };
  });
  const problems = [];
  if (width >= 1000) {
    for (const ind of indicators) {
      const head = facts.heads.find((h) => h.text === ind.label);
      if (!head) problems.push(`no heading "${ind.label}"`);
      else if (head.right > facts.viewport || head.width < 40) problems.push(`"${ind.label}" is out of view (${head.left}-${head.right})`);
    }
    if (facts.tableRight > facts.viewport) problems.push(`table ends at ${facts.tableRight}px`);
  } else {
    if (facts.rowDisplay !== 'block') problems.push(`a state's row is display: ${facts.rowDisplay}, not a card`);
    const labels = facts.cells.map((c) => c.visible && c.label);
    for (const ind of indicators) if (!labels.includes(ind.label)) problems.push(`the card does not name "${ind.label}"`);
  }
  return problems;
}

// ---- the checks ---------------------------------------------------------

async function checkPages(browser) {
  for (const [name, rel] of Object.entries(PAGES)) {
    for (const viewport of VIEWPORTS) {
      for (const colorScheme of SCHEMES) {
        const tag = `${name} ${viewport.width}px ${colorScheme} (${rel})`;
        const context = await browser.newContext({ viewport, colorScheme });
        const { page, problems } = await open(context, rel);
        if (name === 'compare') await pairReady(page);
        check(`${tag}: loads cleanly`, problems);
        if (viewport.width < 500 || name === 'matrix') check(`${tag}: no horizontal page scroll`, await overflow(page));
        if (name === 'matrix') check(`${tag}: ${viewport.width < 500 ? 'one card per state' : 'every indicator label in view'}`, await matrixLayout(page, viewport.width));
        if (AXE_PAGES.has(name)) check(`${tag}: axe-core, no serious or critical violations`, await axe(page));
        if (SHOT_PAGES.has(name)) {
          await page.screenshot({
            path: join(args.artifacts, `${name}-${viewport.width}-${colorScheme}.png`),
            fullPage: viewport.width < 500 ? name === 'matrix' : name !== 'compare',
          });
        }
        await context.close();
      }
    }
  }
}

/// The opening words of a state's answer on a topic, as plain text.
function opening(page, state, topicId) {
  const q = state.questions.find((x) => x.topic === topicId);
  if (!q) return null;
  return page.evaluate((html) => {
    const holder = document.createElement('div');
    holder.innerHTML = html;
    return (holder.firstElementChild ?? holder).textContent.trim().slice(0, 40);
  }, q.answer_html);
}

async function checkPair(browser) {
  const context = await browser.newContext({ viewport: VIEWPORTS[0] });
  const { page, problems } = await open(context, PAIR);
  await pairReady(page);
  const found = [...problems];
  let compared = 0;
  for (const topic of answered) {
    for (const [side, state] of [['a', stateA], ['b', stateB]]) {
      const want = await opening(page, state, topic.id);
      const shown = await page.locator(`[data-topic="${topic.id}"] [data-side="${side}"]`).innerText();
      if (!squash(shown).includes(squash(state.name))) found.push(`${topic.id} ${side}: no ${state.name} heading`);
      if (want === null) {
        if (!/not covered/i.test(shown)) found.push(`${topic.id} ${side}: ${state.name} has no answer but the cell does not say so`);
      } else if (!squash(shown).includes(squash(want))) {
        found.push(`${topic.id} ${side}: ${state.name}'s answer missing (it starts: ${want})`);
      } else {
        compared += 1;
      }
    }
  }
  if (compared === 0) found.push('no answer shown at all');
  check(`${PAIR}: both states' answers on ${answered.length} topics (${compared} answers shown)`, found);
  await context.close();

  // Without JavaScript: the fallback link to the matrix.
  const off = await browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORTS[1] });
  const still = await open(off, PAIR);
  const link = await still.page.locator('[data-pair-fallback] a[href$="compare/topics/index.html"]').count();
  check(`${PAIR} with JavaScript off links to the topic matrix`, [...still.problems, ...(link ? [] : ['no fallback link'])]);
  await off.close();
}

async function checkJump(browser) {
  const context = await browser.newContext({ viewport: VIEWPORTS[1] });
  const { page, problems } = await open(context, PAGES.topic);
  const found = [...problems];
  const select = page.locator('#jump-select');
  if ((await select.count()) === 0) {
    found.push('no "Your state" menu');
  } else {
    const target = await select.locator('option').nth(1).getAttribute('value');
    await select.focus();
    await page.keyboard.press('ArrowDown');
    await select.selectOption(target);
    const at = await page.evaluate(() => ({ hash: location.hash, focus: document.activeElement?.id }));
    if (at.hash !== `#${target}`) found.push(`address is ${at.hash}, expected #${target}`);
    if (at.focus !== target) found.push(`focus on ${at.focus}, expected ${target}`);
  }
  check(`${PAGES.topic}: the "Your state" menu jumps to the state`, found);
  await context.close();
}

async function checkMatrixChoice(browser) {
  const wanted = answered.slice(0, 2).map((t) => t.id);
  const context = await browser.newContext({ viewport: VIEWPORTS[0] });
  const { page, problems } = await open(context, `compare/topics/index.html?topics=${wanted.join(',')}`);
  const shown = await page.$$eval('thead th[data-topic]', (ths) =>
    ths.filter((th) => !th.hidden && th.offsetParent !== null).map((th) => th.getAttribute('data-topic')));
  check(`topic matrix ?topics=${wanted.join(',')} shows just those columns (${shown.join(', ')})`,
    [...problems, ...(JSON.stringify(shown) === JSON.stringify(wanted) ? [] : [`shown: ${shown.join(', ')}`])]);
  await context.close();

  const off = await browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORTS[0] });
  const still = await open(off, `compare/topics/index.html?topics=${wanted[0]}`);
  const columns = await still.page.$$eval('thead th[data-topic]', (ths) => ths.filter((th) => th.offsetParent !== null).length);
  check(`topic matrix with JavaScript off shows all ${answered.length} answered topics (${columns})`,
    columns === answered.length ? [] : [`${columns} columns shown`]);
  await off.close();
}

function pdftotext(pdf, first, last) {
  const range = first ? ['-f', String(first), '-l', String(last ?? first)] : [];
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...range, pdf, '-'], { encoding: 'utf8' });
}

function pdfinfo(pdf) {
  const out = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const size = out.match(/Page size:\s+([\d.]+) x ([\d.]+)/);
  return { width: Number(size?.[1]), height: Number(size?.[2]), pages: Number(out.match(/Pages:\s+(\d+)/)?.[1]) };
}

async function toPdf(context, rel, file) {
  const { page, problems } = await open(context, rel);
  await page.emulateMedia({ media: 'print' });
  const path = join(args.artifacts, file);
  await page.pdf({ path, format: 'A4', preferCSSPageSize: true });
  await page.close();
  return { problems, path };
}

async function checkPrint(browser) {
  const context = await browser.newContext({ viewport: VIEWPORTS[0] });
  const matrix = await toPdf(context, 'compare/topics/index.html', 'topic-matrix.pdf');
  const text = pdftotext(matrix.path);
  const info = pdfinfo(matrix.path);
  const found = [...matrix.problems];
  if (!(info.width > info.height)) found.push(`not landscape: ${info.width} x ${info.height} pt`);
  for (const s of data.states) if (!squash(text).includes(squash(s.name))) found.push(`state missing: ${s.name}`);
  for (const t of answered) if (!squash(text).includes(squash(t.label))) found.push(`column missing: ${t.label}`);
  for (const ui of ['Topics to show', 'scroll the table sideways', 'Skip to content']) {
    if (squash(text).includes(squash(ui))) found.push(`screen-only text printed: ${ui}`);
  }
  check(`topic matrix PDF: landscape, ${data.states.length} states, ${answered.length} columns, no UI text (${info.pages} pages)`, found);

  const chosen = `print/index.html?states=${stateA.code}`;
  const pdf = await toPdf(context, chosen, 'print-chosen.pdf');
  const pages = pdfinfo(pdf.path).pages;
  const problems = [...pdf.problems];
  const all = squash(pdftotext(pdf.path));
  if (!all.includes(squash(stateA.title))) problems.push(`${stateA.title} missing`);
  if (all.includes(squash(stateB.title))) problems.push(`${stateB.title} printed though not chosen`);
  if (!all.includes('contents')) problems.push('no table of contents');
  // Page 1 is the contents; every later sheet starts with the state's name.
  for (let p = 2; p <= pages; p += 1) {
    const top = pdftotext(pdf.path, p).trim().split('\n')[0] ?? '';
    if (!squash(top).includes(squash(stateA.name))) problems.push(`page ${p} starts "${top.slice(0, 60)}"`);
  }
  check(`${chosen} PDF: contents, only ${stateA.name}, its name atop each of ${pages - 1} sheets`, problems);
  await context.close();
}

/// The codes of the rows shown, in order.
async function shownStates(page) {
  return page.$$eval('[data-ind-matrix] tbody tr', (rows) =>
    rows.filter((tr) => tr.offsetParent !== null).map((tr) => tr.getAttribute('data-state')));
}

async function checkMatrixFilter(browser) {
  // The indicator and value that split the states most evenly, so the filter shows some.
  let best = null;
  for (const ind of indicators) {
    for (const value of [...ind.values.map((v) => v.id), 'not-stated']) {
      const n = data.states.filter((s) => valueOf(s, ind.id) === value).length;
      const score = Math.min(n, data.states.length - n);
      if (n > 0 && (!best || score > best.score)) best = { ind, value, score };
    }
  }
  const sortBy = indicators[1] ?? indicators[0];
  const rel = `compare/index.html?${best.ind.id}=${best.value}&sort=${sortBy.id}`;
  const order = [...best.ind.values.map((v) => v.id), 'not-stated'];
  const expected = data.states
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => valueOf(s, best.ind.id) === best.value)
    .sort((a, b) => order.indexOf(valueOf(a.s, sortBy.id)) - order.indexOf(valueOf(b.s, sortBy.id)) || a.i - b.i)
    .map(({ s }) => s.code);
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport });
    const { page, problems } = await open(context, rel);
    const shown = await shownStates(page);
    const selected = await page.$eval(`select[data-filter="${best.ind.id}"]`, (s) => s.value);
    const found = [...problems];
    if (JSON.stringify(shown) !== JSON.stringify(expected)) found.push(`shown ${shown.join(',')}, the data says ${expected.join(',')}`);
    if (selected !== best.value) found.push(`the filter menu says "${selected}"`);
    check(`${rel} at ${viewport.width}px: only the ${expected.length} matching states, sorted by ${sortBy.label}`, found);
    await context.close();
  }

  // Choosing through the controls rewrites the address, which reloads the same view.
  const context = await browser.newContext({ viewport: VIEWPORTS[0] });
  const { page, problems } = await open(context, 'compare/index.html');
  await page.click('[data-matrix-choices] > summary');
  await page.selectOption(`select[data-filter="${best.ind.id}"]`, best.value);
  await page.uncheck(`input[name="show"][value="${indicators[0].id}"]`);
  const address = page.url();
  const again = await context.newPage();
  await again.goto(address, { waitUntil: 'load' });
  const reloaded = await shownStates(again);
  const hidden = await again.$eval(`thead th[data-indicator="${indicators[0].id}"]`, (th) => th.offsetParent === null);
  const found = [...problems];
  if (!address.includes(`${best.ind.id}=${best.value}`)) found.push(`address is ${address}`);
  if (reloaded.length !== data.states.filter((s) => valueOf(s, best.ind.id) === best.value).length) found.push(`reloaded shows ${reloaded.join(',')}`);
  if (!hidden) found.push(`column ${indicators[0].id} shows after reload`);
  check('the controls write the view into the address, and it reloads the same', found);
  await context.close();

  const off = await browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORTS[0] });
  const still = await open(off, rel);
  const all = await shownStates(still.page);
  const controls = await still.page.locator('[data-matrix-controls]').isVisible();
  check(`${rel} with JavaScript off shows all ${data.states.length} states and no controls`,
    [...still.problems, ...(all.length === data.states.length ? [] : [`${all.length} rows`]), ...(controls ? ['controls shown'] : [])]);
  await off.close();
}

async function checkMatrixKeyboard(browser) {
  for (const [viewport, key] of [[VIEWPORTS[0], 'Enter'], [VIEWPORTS[1], 'Space']]) {
    const context = await browser.newContext({ viewport });
    const { page, problems } = await open(context, 'compare/index.html');
    const found = [...problems];
    let reached = false;
    for (let i = 0; i < 120 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => !!document.activeElement?.matches('[data-ind-matrix] td summary'));
    }
    if (!reached) {
      found.push('Tab never reached a cell');
    } else {
      await page.keyboard.press(key);
      const facts = await page.evaluate(() => {
        const details = document.activeElement.closest('details');
        const quote = details.querySelector('blockquote, p');
        return { open: details.open, shown: !!quote && quote.offsetParent !== null, text: quote?.innerText ?? '' };
      });
      if (!facts.open) found.push(`${key} did not open the cell`);
      if (!facts.shown) found.push('the evidence is not shown');
    }
    check(`compare/index.html at ${viewport.width}px: Tab then ${key} opens a cell's evidence`, found);
    await context.close();
  }
}

async function checkValueMap(browser) {
  const chosen = MAPPED;
  const context = await browser.newContext({ viewport: VIEWPORTS[0] });
  const { page, problems } = await open(context, MAP);
  const found = [...problems];
  const facts = await page.$$eval('.tile', (tiles) => tiles.map((li) => {
    const r = li.getBoundingClientRect();
    const link = li.querySelector('a');
    return { cls: li.className, name: (link ?? li).innerText || (link ?? li).textContent, label: link ? link.textContent : li.textContent, w: r.width, h: r.height };
  }));
  const menu = await page.$eval('[data-map-choice]', (s) => s.value);
  if (menu !== chosen.id) found.push(`the map menu says ${menu}`);
  for (const s of data.states) {
    const value = valueOf(s, chosen.id);
    const words = value === 'not-stated' ? null : chosen.values.find((v) => v.id === value)?.label;
    const tile = facts.find((t) => t.label.includes(s.name));
    if (!tile) continue; // a place without a square
    if (!tile.cls.includes(`v-${value}`)) found.push(`${s.name}: square is ${tile.cls}`);
    if (words && !tile.label.includes(`${s.name}: ${words}`)) found.push(`${s.name}: square's name is "${tile.label}"`);
  }
  if (!facts.some((t) => /not covered/.test(t.label))) found.push('no square says "not covered"');
  const small = facts.filter((t) => t.w < 44 || t.h < 44);
  if (small.length) found.push(`${small.length} squares under 44 px (${small[0].w}x${small[0].h})`);
  const legend = await page.locator(`[data-legend="${chosen.id}"]`).innerText();
  for (const v of chosen.values) if (!legend.includes(v.label)) found.push(`legend lacks "${v.label}"`);
  check(`${MAP}: squares show ${chosen.label} in words and colour, legend in words, 44 px squares`, found);
  await context.close();
}

async function checkMatrixPrint(browser) {
  const context = await browser.newContext({ viewport: VIEWPORTS[0] });
  const matrix = await toPdf(context, 'compare/index.html', 'matrix.pdf');
  const text = pdftotext(matrix.path);
  const info = pdfinfo(matrix.path);
  const found = [...matrix.problems];
  if (!(info.width > info.height)) found.push(`not landscape: ${info.width} x ${info.height} pt`);
  for (const s of data.states) if (!squash(text).includes(squash(s.name))) found.push(`state missing: ${s.name}`);
  for (const ind of indicators) if (!squash(text).includes(squash(ind.label))) found.push(`indicator missing: ${ind.label}`);
  for (const ui of ['Show states where', 'Questions to show', 'Sort by', 'Show on the map', 'Skip to content', 'Other views']) {
    if (squash(text).includes(squash(ui))) found.push(`screen-only text printed: ${ui}`);
  }
  if (info.pages > 1) {
    const second = pdftotext(matrix.path, 2);
    if (!squash(second).includes(squash(indicators[0].label))) found.push('the header row does not repeat on page 2');
  }
  check(`matrix PDF: landscape, ${data.states.length} states, ${indicators.length} indicators, no UI text (${info.pages} pages)`, found);
  await context.close();
}

async function main() {
  mkdirSync(args.artifacts, { recursive: true });
  console.log(`comparison checks [${args.label}] of ${args.base}`);
  const browser = await launchChromium();
  try {
    await checkPages(browser);
    await checkPair(browser);
    await checkJump(browser);
    await checkMatrixChoice(browser);
    await checkPrint(browser);
    await checkMatrixFilter(browser);
    await checkMatrixKeyboard(browser);
    await checkValueMap(browser);
    await checkMatrixPrint(browser);
  } finally {
    await browser.close();
  }
  console.log(`comparison checks [${args.label}]: ${passed} checks passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((err) => {
  console.error(`comparison checks [${args.label}] stopped: ${err.stack ?? err}`);
  process.exitCode = 1;
});
