// Browser checks of a built stateside site in headless Chromium (Debian's
// /usr/bin/chromium driven by playwright-core; no browser is downloaded).
//
//   node .ci/browser-check.mjs --label file --site public \
//        --base file:///abs/public/ --artifacts /tmp/stateside-ci/file
//
// --site is the folder on disk (read for data/states.json), --base the URL the
// same folder is loaded from (file:// or http://...). For the index, a state
// page, a topic page, the indicator matrix (compare/) and the topic matrix
// (compare/topics/), at 1280x900 and 390x844, in light and dark: no console
// errors, no failed requests, one h1, lang set, no horizontal overflow at 390,
// the topic matrix's first column sticky while its wrapper scrolls, and no serious or critical axe-core violations. Then: the
// state page with JavaScript off shows every question; the state page printed
// to PDF has its title, questions and answers and no navigation text
// (pdftotext); the indicator matrix prints landscape (pdfinfo); the print-all page has
// every state. Screenshots and PDFs are written to --artifacts.
// Exits 1 if any check failed.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
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

function pass(name) {
  passed += 1;
  console.log(`  PASS [${args.label}] ${name}`);
}

function fail(name, details) {
  failed += 1;
  console.log(`  FAIL [${args.label}] ${name}`);
  for (const line of [].concat(details)) console.log(`       ${line}`);
}

function check(name, problems) {
  if (problems.length === 0) pass(name);
  else fail(name, problems);
}

/// Text compared loosely: compatibility forms (ligatures), straight quotes,
/// no hyphens (hyphenation at line ends) and no whitespace (line wrapping).
function squash(text) {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[-\u00ad\u2010\u2011\u2012\u2013\u2014]/g, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/// Whitespace collapsed, for comparing whole lines.
function collapse(text) {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

// ---- what to load -------------------------------------------------------

const data = JSON.parse(readFileSync(join(args.site, 'data', 'states.json'), 'utf8'));
const state = data.states.find((s) => s.slug === 'iowa') ?? data.states[0];
if (!state) throw new Error('data/states.json lists no states');

function pickTopicPage() {
  const answered = new Set(data.states.flatMap((s) => s.questions.map((q) => q.topic)));
  for (const topic of data.topics ?? []) {
    const rel = `topics/${topic.id}/index.html`;
    if (answered.has(topic.id) && existsSync(join(args.site, rel))) return rel;
  }
  const dir = join(args.site, 'topics');
  for (const id of existsSync(dir) ? readdirSync(dir).sort() : []) {
    const rel = `topics/${id}/index.html`;
    if (existsSync(join(args.site, rel))) return rel;
  }
  return null;
}

const PAGES = {
  index: 'index.html',
  state: `states/${state.slug}/index.html`,
  topic: pickTopicPage(),
  matrix: 'compare/index.html',
  topicMatrix: 'compare/topics/index.html',
};
const SCREENSHOT_PAGES = new Set(['index', 'state', 'matrix']);

// ---- page helpers -------------------------------------------------------

/// Opens a page and records console errors, uncaught exceptions, failed
/// requests and HTTP error responses while it loads.
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
  const response = await page.goto(args.base + rel, { waitUntil: 'load' });
  if (response && !response.ok()) problems.push(`HTTP ${response.status()} for the page itself`);
  return { page, problems };
}

async function basics(page) {
  const facts = await page.evaluate(() => ({
    h1: document.querySelectorAll('h1').length,
    lang: document.documentElement.lang,
  }));
  const problems = [];
  if (facts.h1 !== 1) problems.push(`expected exactly one h1, found ${facts.h1}`);
  if (!facts.lang) problems.push('<html> has no lang');
  return problems;
}

async function overflow(page) {
  const facts = await page.evaluate(() => {
    const width = innerWidth;
    const culprits = [];
    const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      if (rect.right <= width + 1 || rect.width === 0) continue;
      let inside = false;
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (scrolls(up)) inside = true;
      }
      if (inside) continue;
      const name = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '')
        + (el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : '');
      culprits.push(`${name} right edge at ${Math.round(rect.right)}px`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, culprits: culprits.slice(0, 8) };
  });
  if (facts.scrollWidth <= facts.width + 1) return [];
  return [`page is ${facts.scrollWidth}px wide in a ${facts.width}px viewport`, ...facts.culprits];
}

/// Scrolls the matrix's wrapper to its right end and checks that the first
/// column's header cell is still in view at the wrapper's left edge.
async function stickyColumn(page) {
  const setup = await page.evaluate(() => {
    const table = document.querySelector('table');
    if (!table) return { error: 'no <table> on the matrix page' };
    let wrap = table.parentElement;
    while (wrap && wrap !== document.body
      && !['auto', 'scroll'].includes(getComputedStyle(wrap).overflowX)) {
      wrap = wrap.parentElement;
    }
    if (!wrap || wrap === document.body) {
      return { error: 'the table has no wrapper with overflow-x: auto or scroll' };
    }
    wrap.setAttribute('data-ci-wrap', '');
    const th = table.querySelector('tbody tr > th') ?? table.querySelector('tbody tr > :first-child');
    if (!th) return { error: 'the table body has no first-column cell' };
    th.setAttribute('data-ci-th', '');
    wrap.scrollLeft = wrap.scrollWidth;
    return { overflowing: wrap.scrollWidth > wrap.clientWidth + 1, scrolled: wrap.scrollLeft };
  });
  if (setup.error) return { problems: [setup.error] };
  if (!setup.overflowing) return { problems: [], note: 'the table fits at this width; nothing to scroll' };
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const pos = await page.evaluate(() => {
    const wrap = document.querySelector('[data-ci-wrap]').getBoundingClientRect();
    const th = document.querySelector('[data-ci-th]').getBoundingClientRect();
    return { wrapLeft: wrap.left, thLeft: th.left, thRight: th.right, width: innerWidth };
  });
  const inView = pos.thLeft >= pos.wrapLeft - 2 && pos.thRight <= pos.width + 1 && pos.thRight > pos.wrapLeft;
  if (inView) return { problems: [], note: `wrapper scrolled by ${Math.round(setup.scrolled)}px` };
  return {
    problems: [`after scrolling the wrapper by ${Math.round(setup.scrolled)}px the first column's th is at `
      + `${Math.round(pos.thLeft)}..${Math.round(pos.thRight)}px, the wrapper starts at ${Math.round(pos.wrapLeft)}px`],
  };
}

// ---- the checks ---------------------------------------------------------

async function checkPages(browser) {
  for (const [name, rel] of Object.entries(PAGES)) {
    if (!rel) {
      fail(`${name} page`, 'no topic page found under topics/');
      continue;
    }
    for (const viewport of VIEWPORTS) {
      for (const colorScheme of SCHEMES) {
        const tag = `${name} ${viewport.width}px ${colorScheme} (${rel})`;
        const context = await browser.newContext({ viewport, colorScheme });
        const { page, problems } = await open(context, rel);
        const loadProblems = [...problems, ...(await basics(page))];
        check(`${tag}: loads cleanly, one h1, lang`, loadProblems);
        const shot = `${name}-${viewport.width}-${colorScheme}`;
        if (SCREENSHOT_PAGES.has(name)) {
          await page.screenshot({ path: join(args.artifacts, `${shot}.png`), fullPage: true });
        }
        if (viewport.width < 500) check(`${tag}: no horizontal overflow`, await overflow(page));
        if (name === 'topicMatrix' && viewport.width < 500) {
          const sticky = await stickyColumn(page);
          check(`${tag}: first column sticky${sticky.note ? ` (${sticky.note})` : ''}`, sticky.problems);
          await page.screenshot({ path: join(args.artifacts, `${shot}-scrolled.png`) });
        }
        check(`${tag}: axe-core, no serious or critical violations`, await axe(page));
        await context.close();
      }
    }
  }
}

async function checkNoScript(browser) {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORTS[0] });
  const { page, problems } = await open(context, PAGES.state);
  const shown = squash(await page.locator('body').innerText());
  const missing = state.questions
    .filter((q) => !shown.includes(squash(q.text)))
    .map((q) => `question ${q.number} not shown: ${q.text}`);
  check(`${PAGES.state} with JavaScript off shows all ${state.questions.length} questions`,
    [...problems, ...missing]);
  await context.close();
}

/// The opening of each answer as plain text: the first block of its HTML,
/// cut to 40 characters, so list markers and wrapping don't matter.
async function answerOpenings(page) {
  return page.evaluate((questions) => questions.map((q) => {
    const holder = document.createElement('div');
    holder.innerHTML = q.answer_html;
    const first = holder.firstElementChild ?? holder;
    return { number: q.number, opening: first.textContent.trim().slice(0, 40) };
  }), state.questions);
}

/// What the screen version of a page says in its chrome: the skip link, the
/// Print button, and the labels of the site navigation in the header.
async function chromeTexts(page) {
  return page.evaluate(() => {
    const text = (el) => el.textContent.replace(/\s+/g, ' ').trim();
    const skip = [...document.querySelectorAll('a[href^="#"]')]
      .filter((a) => /skip/i.test(a.textContent)).map(text);
    const buttons = [...document.querySelectorAll('button, [role="button"], a')]
      .filter((el) => /^print\b/i.test(text(el))).map(text);
    const nav = [...document.querySelectorAll('header nav a')].map(text);
    return { skip, buttons, nav };
  });
}

function pdftotext(pdf) {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
}

function pdfinfo(pdf) {
  const out = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const size = out.match(/Page size:\s+([\d.]+) x ([\d.]+)/);
  const pages = out.match(/Pages:\s+(\d+)/);
  return {
    width: size ? Number(size[1]) : NaN,
    height: size ? Number(size[2]) : NaN,
    pages: pages ? Number(pages[1]) : NaN,
  };
}

async function printToPdf(context, rel, file) {
  const { page, problems } = await open(context, rel);
  await page.emulateMedia({ media: 'print' });
  const path = join(args.artifacts, file);
  await page.pdf({ path, format: 'A4', preferCSSPageSize: true });
  return { page, problems, path };
}

async function checkPrint(browser) {
  const context = await browser.newContext({ viewport: VIEWPORTS[0] });

  // The state page.
  const { page, problems, path } = await printToPdf(context, PAGES.state, `${state.slug}.pdf`);
  const text = pdftotext(path);
  const squashed = squash(text);
  const lines = new Set(text.split('\n').map(collapse).filter(Boolean));
  const found = [...problems];
  if (!squashed.includes(squash(state.title))) found.push(`title missing: ${state.title}`);
  for (const q of state.questions) {
    if (!squashed.includes(squash(q.text))) found.push(`question ${q.number} missing: ${q.text}`);
  }
  for (const { number, opening } of await answerOpenings(page)) {
    if (opening && !squashed.includes(squash(opening))) {
      found.push(`answer ${number} missing, it starts: ${opening}`);
    }
  }
  await page.emulateMedia({ media: 'screen' });
  const chrome = await chromeTexts(page);
  const flat = collapse(text);
  for (const skip of chrome.skip.length ? chrome.skip : ['Skip to content']) {
    if (flat.includes(collapse(skip))) found.push(`navigation text printed: "${skip}"`);
  }
  for (const label of new Set([...chrome.buttons, ...chrome.nav, 'Print'])) {
    if (lines.has(collapse(label))) found.push(`navigation text printed as a line: "${label}"`);
  }
  // Inline nav links come out of pdftotext on one line: look for the
  // labels in sequence too.
  if (chrome.nav.length > 1 && squashed.includes(squash(chrome.nav.join('')))) {
    found.push(`site navigation printed: "${chrome.nav.join(' ')}"`);
  }
  if (chrome.nav.length === 0) console.log('       note: no "header nav a" links found on the state page');
  check(`${PAGES.state} printed to PDF: title, ${state.questions.length} questions and answers, `
    + `no navigation (${path})`, found);

  // The matrix prints landscape.
  const matrix = await printToPdf(context, PAGES.matrix, 'compare.pdf');
  const info = pdfinfo(matrix.path);
  check(`${PAGES.matrix} printed to PDF is landscape (${info.width} x ${info.height} pt)`,
    [...matrix.problems, ...(info.width > info.height ? [] : ['the page is not landscape'])]);

  // The whole guide: every state, each on its own page(s).
  if (existsSync(join(args.site, 'print', 'index.html'))) {
    const all = await printToPdf(context, 'print/index.html', 'print-all.pdf');
    const allText = squash(pdftotext(all.path));
    const allInfo = pdfinfo(all.path);
    const missing = data.states.filter((s) => !allText.includes(squash(s.title)))
      .map((s) => `state missing: ${s.title}`);
    if (allInfo.pages < data.states.length) {
      missing.push(`${allInfo.pages} page(s) for ${data.states.length} states`);
    }
    check(`print/index.html printed to PDF has all ${data.states.length} states (${allInfo.pages} pages)`,
      [...all.problems, ...missing]);
  } else {
    fail('print/index.html', 'the page does not exist');
  }
  await context.close();
}

async function main() {
  mkdirSync(args.artifacts, { recursive: true });
  console.log(`browser checks [${args.label}] of ${args.base}`);
  const browser = await launchChromium();
  try {
    await checkPages(browser);
    await checkNoScript(browser);
    await checkPrint(browser);
  } finally {
    await browser.close();
  }
  console.log(`browser checks [${args.label}]: ${passed} checks passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((err) => {
  console.error(`browser checks [${args.label}] stopped: ${err.stack ?? err}`);
  process.exitCode = 1;
});
