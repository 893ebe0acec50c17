// Checks every page of a built site: zero Nu HTML Checker errors, zero axe-core violations
// (WCAG 2.2 A/AA) in headless Chromium, and no request to any host but the site's own.
// Usage: node check.mjs <site-folder> [--base /sub/path/] [--sample N]
// --sample N: in folders holding more than 50 generated pages of one kind (the 342 municipality
// pages per language), only every Nth page plus the first and last is opened in the browser
// (axe, foreign requests); the HTML checker still reads every page. They share one template,
// so the sample covers every template and both kinds of answer. Exit 0 only when all pass.

import path from 'node:path';
import { serve, htmlFiles, urlFor, launch, isolatedPage, axe, vnu, pool } from './lib.mjs';

const args = process.argv.slice(2);
const root = path.resolve(args[0] ?? '../../public');
const baseIdx = args.indexOf('--base');
const basePath = baseIdx >= 0 ? args[baseIdx + 1] : '/';
const sampleIdx = args.indexOf('--sample');
const sample = sampleIdx >= 0 ? Number(args[sampleIdx + 1]) : 1;

let failures = 0;
const files = await htmlFiles(root);
console.log(`checking ${files.length} pages in ${root}`);

const t0 = Date.now();
const htmlErrors = vnu(root);
for (const e of htmlErrors) {
  failures++;
  console.log(`vnu: ${e.file}:${e.line}:${e.column}: ${e.message}`);
}
console.log(`Nu HTML Checker: ${htmlErrors.length} error(s) in ${Date.now() - t0} ms`);

// Pages per folder of their own (`gemeenten/utrecht/index.html` → `gemeenten`).
const byFolder = new Map();
for (const f of files) {
  const parts = f.split('/');
  const folder = parts.slice(0, -2).join('/');
  if (!byFolder.has(folder)) byFolder.set(folder, []);
  byFolder.get(folder).push(f);
}
const axeFiles = new Set(files.filter((f) => {
  const parts = f.split('/');
  const siblings = byFolder.get(parts.slice(0, -2).join('/'));
  if (sample <= 1 || siblings.length <= 50) return true;
  const i = siblings.indexOf(f);
  return i % sample === 0 || i === siblings.length - 1;
}));
if (axeFiles.size < files.length) {
  console.log(`axe-core on ${axeFiles.size} of ${files.length} pages (every ${sample}th page of large generated folders; HTML checker on all)`);
}

const t1 = Date.now();
const server = await serve(root, basePath);
const browser = await launch();
const context = await browser.newContext();
let violationCount = 0;
let foreignCount = 0;
await pool([...axeFiles], 4, async (file) => {
  const { page, foreign } = await isolatedPage(context, server.origin);
  const url = server.base + urlFor(file);
  try {
    await page.goto(url, { waitUntil: 'load' });
    for (const v of await axe(page)) {
      failures++;
      violationCount++;
      console.log(`axe: ${file}: ${v.id} (${v.impact}): ${v.help} at ${v.targets.join(', ')}`);
    }
    // WCAG 1.4.10 Reflow: at 320 CSS px nothing may need horizontal scrolling.
    await page.setViewportSize({ width: 320, height: 640 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    if (overflow > 320) {
      failures++;
      console.log(`reflow: ${file}: ${overflow}px wide at a 320px viewport (horizontal scrolling)`);
    }
    for (const f of foreign) {
      failures++;
      foreignCount++;
      console.log(`request: ${file}: request to another host: ${f}`);
    }
  } catch (e) {
    failures++;
    console.log(`browser: ${file}: ${e.message}`);
  } finally {
    await page.close();
  }
});
await browser.close();
await server.close();
console.log(`axe-core: ${violationCount} violation(s), ${foreignCount} foreign request(s) over ${axeFiles.size} pages in ${Date.now() - t1} ms`);

if (failures > 0) {
  console.log(`FAILED: ${failures} problem(s)`);
  process.exit(1);
}
console.log('all pages passed');
