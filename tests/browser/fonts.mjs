// Arabic, Persian and Tigrinya pages on a machine without fonts for those scripts: the pages
// use the fonts the site ships (document.fonts), have the right `dir`, and Dutch pages load
// none of the big subsets; each leaflet page links its PDF, which is served. Screenshots of the
// pages go to the screenshot folder (default: a temporary one).
// Usage: node fonts.mjs <site-folder> [screenshot-folder]

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, isolatedPage, checks } from './lib.mjs';

const root = path.resolve(process.argv[2] ?? '../../public');
const shots = process.argv[3] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'homestart-fonts-'));
fs.mkdirSync(shots, { recursive: true });
const server = await serve(root, '/');
const browser = await launch();
const { check, finish } = checks();

/** The shipped faces the page has loaded, as "family weight". */
const loadedFaces = (page) => page.evaluate(async () => {
  await document.fonts.ready;
  return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family.replace(/"/g, '')} ${f.weight}`);
});

try {
  const { page, foreign } = await isolatedPage(await browser.newContext({ viewport: { width: 800, height: 1000 } }), server.origin);
  for (const [url, dir, family, sample] of [
    ['ar/nashra/', 'rtl', 'Home-Start Naskh', 'العربية'],
    ['fa/boroshur/', 'rtl', 'Home-Start Naskh', 'فارسی'],
    ['ti/brosur/', 'ltr', 'Home-Start Ethiopic', 'ትግርኛ'],
  ]) {
    await page.goto(server.base + url, { waitUntil: 'load' });
    const html = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
    check(html[1] === dir, `${url}: lang=${html[0]} dir=${html[1]}`);
    const faces = await loadedFaces(page);
    check(faces.some((f) => f.startsWith(family)), `${url}: the shipped ${family} is used (${faces.join(', ')})`);
    const covered = await page.evaluate(([fam, text]) => document.fonts.check(`16px "${fam}"`, text), [family, sample]);
    check(covered, `${url}: ${family} covers "${sample}"`);
    const body = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    check(body.includes(family), `${url}: body text is set in it (${body.split(',')[0]})`);
    const shot = path.join(shots, `leaflet-${url.split('/')[0]}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    check(fs.statSync(shot).size > 20_000, `${url}: screenshot ${shot}`);
    const pdf = await page.evaluate(async () => {
      const a = document.querySelector('a.pdf-link');
      if (!a) return null;
      const r = await fetch(a.href);
      const head = new Uint8Array(await r.arrayBuffer()).slice(0, 5);
      return [a.getAttribute('href'), r.status, String.fromCharCode(...head)];
    });
    check(pdf && pdf[1] === 200 && pdf[2] === '%PDF-', `${url}: links its PDF (${pdf && pdf.join(' ')})`);
  }
  await page.goto(server.base + 'folder/', { waitUntil: 'load' });
  const dutch = await loadedFaces(page);
  check(!dutch.some((f) => /Naskh|Ethiopic/.test(f)), `a Dutch page loads none of the big subsets (${dutch.join(', ') || 'none'})`);
  check(foreign.length === 0, 'no request to another host');
} catch (e) {
  check(false, e.stack ?? e.message);
} finally {
  await browser.close();
  await server.close();
}
finish('fonts test');
