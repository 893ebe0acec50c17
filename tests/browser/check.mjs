// Checks every page of a built site: zero Nu HTML Checker errors, zero axe-core violations
// (WCAG 2.2 A/AA) in headless Chromium, and no request to any host but the site's own.
// Usage: node check.mjs <site-folder> [--base /sub/path/]
// Exit code 0 only when every page passes.

import path from 'node:path';
import { serve, htmlFiles, urlFor, launch, isolatedPage, axe, vnu, pool } from './lib.mjs';

const args = process.argv.slice(2);
const root = path.resolve(args[0] ?? '../../public');
const baseIdx = args.indexOf('--base');
const basePath = baseIdx >= 0 ? args[baseIdx + 1] : '/';

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

const t1 = Date.now();
const server = await serve(root, basePath);
const browser = await launch();
const context = await browser.newContext();
let violationCount = 0;
let foreignCount = 0;
await pool(files, 4, async (file) => {
  const { page, foreign } = await isolatedPage(context, server.origin);
  const url = server.base + urlFor(file);
  try {
    await page.goto(url, { waitUntil: 'load' });
    for (const v of await axe(page)) {
      failures++;
      violationCount++;
      console.log(`axe: ${file}: ${v.id} (${v.impact}): ${v.help} at ${v.targets.join(', ')}`);
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
console.log(`axe-core: ${violationCount} violation(s), ${foreignCount} foreign request(s) over ${files.length} pages in ${Date.now() - t1} ms`);

if (failures > 0) {
  console.log(`FAILED: ${failures} problem(s)`);
  process.exit(1);
}
console.log('all pages passed');
