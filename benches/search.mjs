// Search benchmark: a built site -> what a reader downloads on first use of the search box
// (gzip sizes of the files it loads) and how long each keystroke takes to show results, in
// headless Chromium (Debian's /usr/bin/chromium through .ci's playwright-core).
//
//   cargo run --release --example gen_corpus -- --states 50 --out /tmp/c50
//   cargo run --release -- build --root /tmp/c50 --output /tmp/c50/public
//   (cd .ci && npm ci --ignore-scripts --no-audit --no-fund)   # once
//   node benches/search.mjs /tmp/c50/public
//
// A keystroke's time is measured by the page itself (static/search.js reports it with its
// `stateside-search` event): from the input event to the results in the document, shard
// loads included. Prints a Markdown summary.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '../.ci/node_modules/playwright-core/index.mjs';

const site = resolve(process.argv[2] ?? 'public');
const base = pathToFileURL(site).href + '/';
const data = JSON.parse(readFileSync(join(site, 'data', 'states.json'), 'utf8'));
const start = `states/${data.states[0].slug}/index.html`;
const QUERIES = ['warrant', 'opt out', 'how long is data kept', 'court order subpoena', 'federal agents', 'privacy concerns', 'retention policy'];
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const gzipSize = (file) => gzipSync(readFileSync(file)).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function indexFiles() {
  const dir = join(site, 'search');
  return readdirSync(dir).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
}

async function page(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await context.newPage();
  const loaded = new Set();
  p.on('request', (req) => loaded.add(req.url()));
  await p.goto(base + start, { waitUntil: 'load' });
  await p.evaluate(() => {
    window.__times = [];
    document.querySelector('[data-search]').addEventListener('stateside-search', (e) => window.__times.push(e.detail));
  });
  return { context, p, loaded };
}

/// The files of the search feature a page loaded, with their gzip sizes.
function searchPayload(loaded) {
  const files = [...loaded]
    .filter((u) => u.startsWith(base + 'search/') || u === base + 'search.js')
    .map((u) => decodeURIComponent(u.slice(base.length)));
  return { files, bytes: files.reduce((sum, f) => sum + gzipSize(join(site, f)), 0) };
}

async function typeQuery(p, query) {
  await p.fill('[data-search] input[type=search]', '');
  await p.evaluate(() => { window.__times = []; });
  for (const ch of query) {
    await p.keyboard.type(ch);
    const typed = await p.inputValue('[data-search] input[type=search]');
    await p.waitForFunction((q) => document.querySelector('[data-search]').getAttribute('data-search-done') === q.trim()
      || q.trim().length === 0, typed, { timeout: 10_000 });
  }
  return p.evaluate(() => window.__times.map((t) => t.ms));
}

const percentile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function main() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const all = indexFiles();
    console.log(`## Search benchmark: ${site}\n`);
    console.log(`${data.states.length} states; the whole index: ${all.length} files, `
      + `${kb(all.reduce((s, f) => s + statSync(f).size, 0))}, ${kb(all.reduce((s, f) => s + gzipSize(f), 0))} gzip; `
      + `search.js ${kb(gzipSize(join(site, 'search.js')))} gzip\n`);

    console.log('| query | files loaded on first use | first-use payload (gzip) |');
    console.log('|---|---:|---:|');
    let worst = 0;
    for (const query of QUERIES) {
      const { context, p, loaded } = await page(browser);
      await p.focus('[data-search] input[type=search]');
      await typeQuery(p, query);
      const payload = searchPayload(loaded);
      worst = Math.max(worst, payload.bytes);
      console.log(`| ${query} | ${payload.files.length} | ${kb(payload.bytes)} |`);
      await context.close();
    }

    const { context, p } = await page(browser);
    await p.focus('[data-search] input[type=search]');
    await p.waitForFunction(() => window.statesideSearch && window.statesideSearch.index);
    const times = [];
    const first = [];
    for (const query of QUERIES) {
      const t = await typeQuery(p, query);
      first.push(t[0]);
      times.push(...t);
    }
    await context.close();
    times.sort((a, b) => a - b);
    console.log(`\nKeystrokes: ${times.length} over ${QUERIES.length} queries typed one character at a time`);
    console.log(`- median ${times[times.length >> 1].toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms, `
      + `max ${times[times.length - 1].toFixed(1)} ms (first keystroke of each query: max ${Math.max(...first).toFixed(1)} ms)`);
    console.log(`- largest first-use payload: ${kb(worst)} gzip (search.js + index + shards the query needed)`);
    const ok = worst <= 400 * 1024 && times[times.length - 1] <= 50;
    console.log(`- targets (<= 400 KB gzip, every keystroke <= 50 ms): ${ok ? 'met' : 'NOT met'}`);
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err.stack ?? err);
  process.exitCode = 1;
});
