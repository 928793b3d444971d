// Browser checks of what issue 9's input half changed on the published site, in
// headless Chromium (Debian's /usr/bin/chromium driven by playwright-core):
//
//   node .ci/input-check.mjs --site public-nobase --dark-site public
//
// --site: a site built WITHOUT base_url. It is served by a small server that, like
// GitHub Pages, answers every missing address with 404.html (status 404), at the
// root and under /repo/. At several depths the 404 page must have its stylesheet
// applied, its home link must lead to a page that exists (the site's own index),
// and its skip link must stay on the page.
// --dark-site: the sample site; the About page (which has highlighted code) is
// checked by axe-core in dark mode, at 1280 and 390 px: no serious or critical
// violations (code colours included).
// Exits 1 if any check failed.

import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { axe, launchChromium, parseArgs as parsePairs } from './chromium.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

function parseArgs(argv) {
  const args = parsePairs(argv, ['site', 'dark-site']);
  for (const key of ['site', 'dark-site']) args[key] = resolve(args[key]);
  return args;
}

let failures = 0;
function check(name, problems) {
  if (problems.length === 0) {
    console.log(`ok   ${name}`);
  } else {
    failures += 1;
    console.log(`FAIL ${name}`);
    for (const p of problems) console.log(`     ${p}`);
  }
}

// Serves `site` at `prefix` ('/' or '/repo/'); a missing file gets the site's
// 404.html with status 404, as GitHub Pages does.
function serve(site, prefix) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = null;
    if (path.startsWith(prefix)) {
      let rel = normalize(path.slice(prefix.length));
      if (rel === '.' || rel.endsWith('/')) rel = join(rel, 'index.html');
      const candidate = join(site, rel);
      if (candidate.startsWith(site) && existsSync(candidate) && statSync(candidate).isFile()) {
        file = candidate;
      }
    }
    const status = file ? 200 : 404;
    const body = readFileSync(file ?? join(site, '404.html'));
    const type = TYPES[file ? extname(file) : '.html'] ?? 'application/octet-stream';
    res.writeHead(status, { 'content-type': type });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

async function checkNotFound(browser, site) {
  for (const prefix of ['/', '/repo/']) {
    const server = await serve(site, prefix);
    const origin = `http://127.0.0.1:${server.address().port}`;
    for (const missing of ['nope', 'states/nope.html', 'a/b/c/d/nope', 'states/iowa/gone/']) {
      const url = `${origin}${prefix}${missing}`;
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
      const response = await page.goto(url);
      const problems = [...errors];
      if (response.status() !== 404) problems.push(`status ${response.status()}, expected 404`);
      const styled = await page.evaluate(() => {
        const sheet = [...document.styleSheets].find((s) => s.href && s.href.endsWith('/style.css'));
        return sheet ? { href: sheet.href, rules: sheet.cssRules.length } : null;
      });
      if (!styled) problems.push('style.css is not applied');
      else if (styled.href !== `${origin}${prefix}style.css`) problems.push(`style.css from ${styled.href}`);
      const home = await page.evaluate(() => {
        const a = [...document.querySelectorAll('main a')].find((l) => /index\.html$/.test(l.getAttribute('href')));
        return a ? a.href : null;
      });
      if (home !== `${origin}${prefix}index.html`) problems.push(`home link goes to ${home}`);
      else {
        const landed = await page.request.get(home);
        if (landed.status() !== 200) problems.push(`home link answers ${landed.status()}`);
      }
      const skip = await page.evaluate(() => document.querySelector('.skip-link')?.href);
      if (skip !== `${url.split('#')[0]}#main`) problems.push(`skip link goes to ${skip}`);
      check(`404 page at ${prefix}${missing}: styled, links lead into the site`, problems);
      await context.close();
    }
    server.close();
  }
  // Opened from disk, the relative links are right as they are.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(site, '404.html')).href);
  // (file:// style sheets cannot be read from script; their effect can.)
  const position = await page.evaluate(() => getComputedStyle(document.querySelector('.skip-link')).position);
  check('404 page from file://: styled', position === 'absolute' ? [] : ['style.css is not applied']);
  await context.close();
}

async function checkDarkCode(browser, site) {
  const url = pathToFileURL(join(site, 'about', 'index.html')).href;
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const context = await browser.newContext({ viewport, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(url);
    const code = await page.locator('pre span[class]').count();
    const problems = code > 0 ? [] : ['the About page has no highlighted code to check'];
    problems.push(...(await axe(page)));
    check(`About page (highlighted code) ${viewport.width}px dark: axe-core`, problems);
    await context.close();
  }
}

const args = parseArgs(process.argv.slice(2));
const browser = await launchChromium();
try {
  await checkNotFound(browser, args.site);
  await checkDarkCode(browser, args['dark-site']);
} finally {
  await browser.close();
}
if (failures > 0) {
  console.log(`${failures} check(s) failed`);
  process.exit(1);
}
console.log('all input checks passed');
