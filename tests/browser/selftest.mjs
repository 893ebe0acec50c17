// Proves the harness can fail: builds the basic fixture with a deliberately broken template
// (a <p> directly inside <ul> for the Nu HTML Checker, an empty link for axe, a request to another
// host, a 600px-wide block that forces horizontal scrolling at 320px) and expects check.mjs to
// report all four and exit non-zero.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const bin = process.env.HOMESTART ?? path.join(repo, 'target/release/homestart');
const dir = mkdtempSync(path.join(tmpdir(), 'homestart-selftest-'));
try {
  cpSync(path.join(repo, 'tests/fixtures/basic'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'templates/page.html'),
    '{% extends "base.html" %}{% block main %}<h1>{{ page.title }}</h1><ul><p>not a list item</p></ul>' +
    '<a href="/"></a><img src="https://example.com/tracker.gif" alt="">' +
    '<svg width="600" height="10" aria-hidden="true"></svg>{% endblock main %}');
  const build = spawnSync(bin, ['--root', dir, 'build'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`fixture did not build:\n${build.stderr}`);
  const check = spawnSync('node', [path.join(here, 'check.mjs'), path.join(dir, 'public')], { encoding: 'utf8' });
  const out = check.stdout + check.stderr;
  const expect = [
    [check.status === 1, 'check.mjs exits with 1'],
    [/vnu: over\/index\.html:\d+:\d+: Element “p” not allowed as child of element “ul”/.test(out), 'the Nu HTML Checker reports the <p> inside <ul>'],
    [/axe: over\/index\.html: link-name/.test(out), 'axe-core reports the link without a name'],
    [/request: over\/index\.html: request to another host: https:\/\/example\.com\/tracker\.gif/.test(out), 'the request to another host is reported'],
    [/reflow: over\/index\.html: \d+px wide at a 320px viewport/.test(out), 'content wider than a 320px screen is reported'],
  ];
  const failed = expect.filter(([ok]) => !ok);
  for (const [ok, what] of expect) console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (failed.length) {
    console.log(out);
    process.exit(1);
  }
  console.log('harness self-test passed: broken pages are caught');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
