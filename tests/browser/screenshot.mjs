// Screenshots of a built site for the README: the map page with an answer shown, on a desktop
// and on a 320 px phone, and the Arabic map page's answer on a 360 px phone; each from the top
// of the page, as a visitor first sees it. Usage: node screenshot.mjs <site-folder> <output-folder>

import path from 'node:path';
import { serve, launch, isolatedPage } from './lib.mjs';

const root = path.resolve(process.argv[2] ?? '../../public');
const out = path.resolve(process.argv[3] ?? '../../docs');
const server = await serve(root, '/');
const browser = await launch();
try {
  for (const [name, viewport, url, typed] of [
    ['map-page.png', { width: 1280, height: 900 }, 'kaart/', 'utrech'],
    ['map-page-phone.png', { width: 320, height: 640 }, 'kaart/', 'utrech'],
    ['lookup-ar-phone.png', { width: 360, height: 900 }, 'ar/kharita/', 'Utrecht'],
  ]) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const { page } = await isolatedPage(context, server.origin);
    await page.goto(server.base + url, { waitUntil: 'load' });
    await page.locator('#lookup-q').focus();
    await page.keyboard.type(typed, { delay: 20 });
    await page.locator('#lookup-list [role=option]').first().waitFor();
    // Choose the first suggestion (Enter alone answers only a name written in full).
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('#lookup-answer .lookup-result').first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(out, name) });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`screenshots written to ${out}`);
