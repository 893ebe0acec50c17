// Benchmark (not a test): how long the lookup takes to answer in headless Chromium, from an
// input event to the suggestions in the page, and from Enter to the answer shown. Prints
// figures. Usage: node bench-lookup.mjs <site-folder>

import path from 'node:path';
import { serve, launch, isolatedPage } from './lib.mjs';

const root = path.resolve(process.argv[2] ?? '../../public');
const server = await serve(root, '/');
const browser = await launch();
try {
  const context = await browser.newContext();
  const { page } = await isolatedPage(context, server.origin);
  await page.goto(server.base + 'kaart/', { waitUntil: 'load' });
  const figures = await page.evaluate(async () => {
    const input = document.querySelector('#lookup-q');
    const form = input.form;
    const t0 = performance.now();
    // Fetch the index the way the page does, for the query list and the load time.
    const index = await (await fetch(document.querySelector('.lookup').getAttribute('data-index'))).json();
    const loaded = performance.now() - t0;
    // Queries as referrers type them: prefixes, whole names, typos, postcodes, nonsense.
    const queries = ['utrech', 'amsterdma', 'den bosch', 's hertogenbosch', '3511', '1011 AB', 'hengelo', 'bergen', 'zuid', 'xqzwv', 'a', 'gr'];
    index.e.forEach((e, i) => {
      if (i % 25 === 0) {
        const name = e[0].toLowerCase();
        queries.push(name.slice(0, 4), name.length > 6 ? name.slice(0, 3) + name.slice(4) : name);
      }
    });
    index.z.forEach((z, i) => { if (i % 50 === 0) queries.push(String(1000 + i)); });
    const tick = () => new Promise((r) => setTimeout(r, 0));
    // Warm up (the script fetches and prepares the index on first use).
    input.value = 'warm';
    input.dispatchEvent(new Event('input'));
    for (let i = 0; i < 50 && document.querySelector('#lookup-list').hidden && !document.querySelector('#lookup-status').textContent; i++) await tick();
    await new Promise((r) => setTimeout(r, 200));
    const suggest = [], answer = [];
    for (const q of queries) {
      input.value = q;
      let t = performance.now();
      input.dispatchEvent(new Event('input'));
      await Promise.resolve();
      await Promise.resolve();
      suggest.push(performance.now() - t);
      t = performance.now();
      form.requestSubmit();
      await Promise.resolve();
      await Promise.resolve();
      answer.push(performance.now() - t);
      await tick();
    }
    const stats = (xs) => {
      const s = [...xs].sort((a, b) => a - b);
      return { median: s[Math.floor(s.length / 2)], p95: s[Math.floor(s.length * 0.95)], max: s[s.length - 1] };
    };
    return { queries: queries.length, loaded, suggest: stats(suggest), answer: stats(answer) };
  });
  const ms = (x) => `${x.toFixed(2)} ms`;
  console.log(`lookup in headless Chromium, ${figures.queries} queries (names, prefixes, typos, postcodes, nonsense):`);
  for (const [what, s] of [['type → suggestions', figures.suggest], ['Enter → answer', figures.answer]]) {
    console.log(`  ${what}: median ${ms(s.median)}, p95 ${ms(s.p95)}, max ${ms(s.max)}`);
  }
  console.log(`  index fetched and parsed (local server) in ${ms(figures.loaded)}`);
} finally {
  await browser.close();
  await server.close();
}
