// The editor's loop in headless Chromium, against a running `stateside serve`:
//
//   node .ci/editor-check.mjs --url http://127.0.0.1:PORT/ --root PROJECT --artifacts DIR
//
// PROJECT is the folder serve watches (a copy of the sample project: this script edits its
// files). An open state page must: load with the live-reload script; show a question's new
// text after the state file is saved (written to a temporary file and renamed over it, as
// editors do) without a manual reload; show the error overlay when a template breaks while
// the server keeps serving the last good page; reload when the template is fixed.
// Exits 1 if any check failed.

import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

import { launchChromium, parseArgs } from './chromium.mjs';

const WAIT_MS = 15000;

const args = parseArgs(process.argv.slice(2), ['url', 'root', 'artifacts']);
if (!args.url.endsWith('/')) args.url += '/';
mkdirSync(args.artifacts, { recursive: true });

let failed = 0;
function pass(name) {
  console.log(`  PASS [serve] ${name}`);
}
function fail(name, detail) {
  failed += 1;
  console.log(`  FAIL [serve] ${name}`);
  if (detail) console.log(`       ${detail}`);
}
async function step(name, fn) {
  try {
    await fn();
    pass(name);
  } catch (err) {
    fail(name, String(err && err.message ? err.message : err).split('\n')[0]);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

// Saves the way many editors do: a new file, renamed over the old one.
function saveByRename(path, text) {
  const tmp = `${path}.ci-tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

const statePath = join(args.root, 'content', 'states', 'iowa.txt');
const templateDir = join(args.root, 'templates');
const templatePath = join(templateDir, 'state.html');
const original = readFileSync(statePath, 'utf8');
const oldQuestion = 'What laws regulate the sharing of DMV data with ICE in Iowa?';
const newQuestion = 'Which laws, edited just now by CI, regulate DMV data sharing with ICE in Iowa?';
assert(original.includes(oldQuestion), `iowa.txt no longer has the question "${oldQuestion}"`);
const hadTemplate = existsSync(templatePath);
const originalTemplate = hadTemplate ? readFileSync(templatePath, 'utf8') : null;

const browser = await launchChromium();
const page = await browser.newPage();
const consoleErrors = [];
page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
const stateUrl = `${args.url}states/iowa/`;

try {
  await step('the state page loads with the live-reload script', async () => {
    const response = await page.goto(stateUrl);
    assert(response.status() === 200, `status ${response.status()}`);
    await page.getByText(oldQuestion).first().waitFor({ timeout: WAIT_MS });
    const scripts = await page.locator('script[src="/__stateside/live.js"]').count();
    assert(scripts === 1, `${scripts} live-reload scripts on the page`);
  });

  await step('saving the state file shows the new question text without a manual reload', async () => {
    const started = Date.now();
    saveByRename(statePath, original.replace(oldQuestion, newQuestion));
    await page.getByText(newQuestion).first().waitFor({ timeout: WAIT_MS });
    console.log(`       (seen in the page ${Date.now() - started} ms after the save)`);
    await page.screenshot({ path: join(args.artifacts, 'serve-edited.png') });
  });

  await step('a template error shows the overlay', async () => {
    mkdirSync(templateDir, { recursive: true });
    saveByRename(templatePath, '{% extends "base.html" %}{% block content %}{{ broken( }}{% endblock content %}\n');
    const overlay = page.locator('#stateside-error-overlay');
    await overlay.waitFor({ state: 'visible', timeout: WAIT_MS });
    const text = await overlay.innerText();
    assert(text.includes('state.html'), `the overlay does not name state.html: ${text.slice(0, 200)}`);
    await page.screenshot({ path: join(args.artifacts, 'serve-overlay.png') });
  });

  await step('the last good page is still served while the template is broken', async () => {
    const response = await page.request.get(stateUrl);
    assert(response.status() === 200, `status ${response.status()}`);
    const body = await response.text();
    assert(body.includes(newQuestion), 'the served page is not the last good one');
  });

  await step('fixing the template reloads the page and removes the overlay', async () => {
    const reloaded = page.waitForEvent('load', { timeout: WAIT_MS });
    if (hadTemplate) saveByRename(templatePath, originalTemplate);
    else rmSync(templatePath);
    await reloaded;
    await page.getByText(newQuestion).first().waitFor({ timeout: WAIT_MS });
    const overlays = await page.locator('#stateside-error-overlay').count();
    assert(overlays === 0, 'the overlay is still there after the fix');
  });

  await step('no console errors', async () => {
    assert(consoleErrors.length === 0, consoleErrors.join(' | '));
  });
} finally {
  // Leave the project as it was found.
  saveByRename(statePath, original);
  if (hadTemplate) saveByRename(templatePath, originalTemplate);
  else if (existsSync(templatePath)) rmSync(templatePath);
  await browser.close();
}

console.log(failed ? `${failed} serve check(s) failed` : 'all serve checks passed');
process.exit(failed ? 1 : 0);
