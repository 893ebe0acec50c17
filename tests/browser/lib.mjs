// Shared pieces of the browser harness: a static file server for a built site, a headless
// Chromium that refuses to talk to any other host, the Nu HTML Checker and axe-core.
// Later features add their own checks on top of these (see README.md in this folder).

import { createServer } from 'node:http';
import { readFile, stat, readdir } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.woff2': 'font/woff2', '.pdf': 'application/pdf', '.txt': 'text/plain; charset=utf-8',
  '.geojson': 'application/geo+json', '.csv': 'text/csv; charset=utf-8',
};

/** Serves `root` at `basePath` on 127.0.0.1 (a free port); unknown paths get 404.html with status 404. */
export async function serve(root, basePath = '/') {
  const server = createServer(async (req, res) => {
    try {
      let url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (!url.startsWith(basePath)) throw new Error('outside base');
      let file = path.join(root, url.slice(basePath.length));
      if (!file.startsWith(path.resolve(root))) throw new Error('traversal');
      if ((await stat(file).catch(() => null))?.isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      const body = await readFile(path.join(root, '404.html')).catch(() => 'not found');
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, base: origin + basePath, close: () => new Promise((ok) => server.close(ok)) };
}

/** Every .html file under `root`, as site-relative paths, sorted. */
export async function htmlFiles(root, dir = root) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(root, full)));
    else if (entry.name.endsWith('.html')) out.push(path.relative(root, full).split(path.sep).join('/'));
  }
  return out.sort();
}

/** URL path (relative to the base) under which a built file is served. */
export function urlFor(file) {
  return file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/** Headless Debian Chromium, with the flags that keep it off the network. */
export async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** A page that records (and blocks) every request to a host other than `origin`. */
export async function isolatedPage(context, origin) {
  const page = await context.newPage();
  const foreign = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  return { page, foreign };
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core violations (WCAG 2.2 A/AA rules, and the best-practice rule that no two landmarks
 *  of a kind share a name) on the page as it is now. */
export async function axe(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, rules: { 'landmark-unique': { enabled: true } }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  }, AXE_TAGS);
}

/** Nu HTML Checker errors for every HTML file under `root`: [{file, line, column, message}]. */
export function vnu(root) {
  const jar = require.resolve('vnu-jar/build/dist/vnu.jar');
  const r = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', '--skip-non-html', root], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error) throw r.error;
  let messages;
  try {
    messages = JSON.parse(r.stderr || r.stdout || '{"messages":[]}').messages;
  } catch (e) {
    throw new Error(`could not read the Nu HTML Checker's output: ${e.message}\n${r.stderr}`);
  }
  return messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal')
    .map((m) => ({ file: path.relative(root, new URL(m.url).pathname), line: m.lastLine, column: m.firstColumn ?? m.lastColumn, message: m.message }));
}

/**
 * A scripted test's bookkeeping: `check(ok, what)` prints one line per expectation and
 * `finish(name)` exits with 1 if any failed, else prints that the test passed.
 */
export function checks() {
  let failures = 0;
  return {
    check(ok, what) {
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
      if (!ok) failures++;
    },
    finish(name) {
      if (failures) process.exit(1);
      console.log(`${name} passed`);
    },
  };
}

/** Runs `fn` over `items` with at most `n` at a time, keeping order of results. */
export async function pool(items, n, fn) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  }));
  return results;
}
