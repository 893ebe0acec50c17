// The coverage map as a person uses it, in headless Chromium: one tab stop, arrow keys move
// between municipalities, Enter opens one's page; a click shows the answer with the phone
// number in the live region without leaving the page. Usage: node map.mjs <site-folder>

import path from 'node:path';
import { serve, launch, isolatedPage, axe, checks } from './lib.mjs';

const root = path.resolve(process.argv[2] ?? '../../public');
const server = await serve(root, '/');
const browser = await launch();
const context = await browser.newContext();
const { check, finish } = checks();

try {
  const { page, foreign } = await isolatedPage(context, server.origin);
  await page.goto(server.base + 'kaart/', { waitUntil: 'load' });
  const links = await page.locator('svg.coverage-map a').count();
  const stops = await page.locator('svg.coverage-map a[tabindex="0"]').count();
  check(links === 342 && stops === 1, `342 municipality links, one tab stop (${links}, ${stops})`);

  // Tab from the last link before the map (the lookup's link to the A–Z list) into it.
  await page.locator('.lookup-meta a').last().focus();
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  check(first !== null && /—/.test(first), `Tab enters the map (${first})`);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const moved = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  check(moved !== first && /—/.test(moved), `arrow keys move between municipalities (${moved})`);
  const stopsAfter = await page.locator('svg.coverage-map a[tabindex="0"]').count();
  check(stopsAfter === 1, 'still one tab stop after moving');
  const href = await page.evaluate(() => document.activeElement.getAttribute('href'));
  await Promise.all([page.waitForURL('**' + href), page.keyboard.press('Enter')]);
  check(page.url().endsWith(href) && /\/gemeenten\//.test(href), `Enter opens the municipality page (${href})`);

  // A click shows the answer and announces it.
  await page.goto(server.base + 'kaart/', { waitUntil: 'load' });
  await page.locator('svg.coverage-map a[data-code="GM0344"]').click();
  await page.locator('#lookup-answer .lookup-result').first().waitFor();
  const answer = await page.locator('#lookup-answer').innerText();
  check(page.url().endsWith('/kaart/'), 'a click stays on the map page');
  check(/Utrecht/.test(answer) && /tel:\+31/.test(await page.locator('#lookup-answer').innerHTML()), 'the answer names Utrecht with a phone link');
  check(await page.locator('#lookup-answer').getAttribute('aria-live') === 'polite', 'the answer is a live region');

  // Space on a focused municipality shows its answer too, and the line above the map names it.
  await page.locator('svg.coverage-map a[data-code="GM0307"]').evaluate((a) => a.scrollIntoView({ block: 'center' }));
  await page.mouse.move(0, 0);
  await page.locator('svg.coverage-map a[data-code="GM0307"]').focus();
  const named = await page.locator('.map-hover').innerText();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => /Amersfoort/.test(document.querySelector('#lookup-answer h3')?.textContent ?? ''));
  check(/^Amersfoort —/.test(named) && page.url().endsWith('/kaart/'), `focus names Amersfoort above the map and Space answers for it (${named})`);
  const violations = await axe(page);
  check(violations.length === 0, `axe-core: no violations with the answer shown (${violations.map((v) => v.id).join(', ')})`);
  check(foreign.length === 0, 'no request to another host');
  await page.close();
} catch (e) {
  check(false, e.message);
} finally {
  await browser.close();
  await server.close();
}
finish('map test');
