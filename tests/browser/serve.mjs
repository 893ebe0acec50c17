// The live preview in headless Chromium: an open tab reloads by itself after an edit, shows
// the error after a broken edit, and comes back after the fix.
// Usage: HOMESTART=<binary> node serve.mjs <project-folder>

import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, isolatedPage, checks } from './lib.mjs';

const project = path.resolve(process.argv[2] ?? '../..');
const bin = process.env.HOMESTART ?? path.join(project, 'target/release/homestart');
const root = mkdtempSync(path.join(os.tmpdir(), 'homestart-serve-'));
for (const d of ['content', 'locations', 'geo', 'templates', 'i18n', 'static', 'fonts', 'site.yaml']) {
  cpSync(path.join(project, d), path.join(root, d), { recursive: true });
}
const server = spawn(bin, ['--root', root, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const origin = await new Promise((ok, fail) => {
  server.stdout.on('data', (d) => {
    const m = /http:\/\/127\.0\.0\.1:\d+/.exec(String(d));
    if (m) ok(m[0]);
  });
  server.on('exit', (code) => fail(new Error(`serve exited with ${code}`)));
});

const browser = await launch();
const { check, finish } = checks();
const page_md = path.join(root, 'content/nl/over.md');
const original = readFileSync(page_md, 'utf8');

try {
  const { page, foreign } = await isolatedPage(await browser.newContext(), origin);
  await page.goto(origin + '/over/', { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-homestart-live'));
  await page.evaluate(() => { window.__before = true; });

  writeFileSync(page_md, original + '\nDeze alinea is net toegevoegd.\n');
  await page.waitForFunction(() => !window.__before && document.body.textContent.includes('net toegevoegd'), null, { timeout: 10000 });
  check(true, 'the tab reloads by itself after an edit and shows it');

  await page.evaluate(() => { window.__before = true; });
  writeFileSync(page_md, original.replace('title:', 'titel:'));
  await page.waitForFunction(() => !window.__before && /Fouten/.test(document.title), null, { timeout: 10000 });
  const shown = await page.locator('main').innerText();
  check(/content\/nl\/over\.md:\d+:\d+/.test(shown) && /tip:/.test(shown) && /^De site bevat/.test(shown),
    `a broken edit shows the error in Dutch, the editor's language, with file, line and hint (${shown.split('\n')[0]})`);
  check(await page.evaluate(() => document.documentElement.lang) === 'nl', 'the error page says it is in Dutch');
  // On a 320 px phone: nothing scrolls sideways, each problem once, the marks in view.
  await page.setViewportSize({ width: 320, height: 640 });
  const small = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    sections: document.querySelectorAll('main section').length,
    headings: [...document.querySelectorAll('main h2')].map((h) => h.textContent),
    text: document.querySelector('main').innerText,
  }));
  const message = small.text.split('\n').find((l) => /titel/.test(l) && !/:\d+:\d+/.test(l) && !/\|/.test(l)) ?? '';
  check(small.width <= 320 && small.sections >= 1 && new Set(small.headings).size === small.headings.length,
    `at 320 px the error page does not scroll sideways and names each problem once (${small.width} px, ${small.headings.join(' ')})`);
  check(message !== '' && small.text.split(message).length === 2, `each message appears once (${message})`);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.evaluate(() => { window.__before = true; });
  writeFileSync(page_md, original);
  await page.waitForFunction(() => !window.__before && !/Fouten/.test(document.title), null, { timeout: 10000 });
  check(/Home-Start/.test(await page.locator('h1').innerText()), 'the fix brings the page back');
  check(foreign.length === 0, 'no request to another host');
} catch (e) {
  check(false, e.stack ?? e.message);
} finally {
  await browser.close();
  server.kill();
  rmSync(root, { recursive: true, force: true });
}
finish('serve test');
