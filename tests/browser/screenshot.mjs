// Screenshots of a built site for the README: the map page with an answer shown, on a desktop
// and on a 320 px phone (the map's page, scrolled to the field). Usage: node screenshot.mjs <site-folder> <output-folder>

import path from 'node:path';
import { serve, launch, isolatedPage } from './lib.mjs';

const root = path.resolve(process.argv[2] ?? '../../public');
const out = path.resolve(process.argv[3] ?? '../../docs');
const server = await serve(root, '/');
const browser = await launch();
try {
  for (const [name, viewport] of [['map-page.png', { width: 1280, height: 900 }], ['map-page-phone.png', { width: 320, height: 640 }]]) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const { page } = await isolatedPage(context, server.origin);
    await page.goto(server.base + 'kaart/', { waitUntil: 'load' });
    await page.locator('#lookup-q').focus();
    await page.keyboard.type('utrech', { delay: 20 });
    await page.locator('#lookup-list [role=option]').first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('#lookup-answer .lookup-result').first().waitFor();
    await page.locator(viewport.width < 400 ? '.lookup-form' : '.prose').evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: path.join(out, name) });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`screenshots written to ${out}`);
