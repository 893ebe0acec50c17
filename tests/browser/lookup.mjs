// The lookup as referrers use it, in headless Chromium, keyboard only unless said otherwise:
// a misspelt municipality, a postcode, a town in two municipalities, everyday and CBS names,
// nothing found; the form without JavaScript; the small map beside it on the home page.
// Usage: node lookup.mjs <site-folder>

import path from 'node:path';
import { serve, launch, isolatedPage, axe, checks } from './lib.mjs';

const root = path.resolve(process.argv[2] ?? '../../public');
const server = await serve(root, '/');
const browser = await launch();
const context = await browser.newContext();
const { check, finish } = checks();

/** The tel: links of a built page, from its HTML (what the lookup must agree with). */
async function phonesOf(page, url) {
  const html = await (await page.request.get(server.base + url)).text();
  return [...new Set([...html.matchAll(/href="?(tel:\+\d+)/g)].map((m) => m[1]))].sort();
}

/** Types `text` into the empty field (which has focus) and waits for suggestions or a message. */
async function type(page, text) {
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: 20 });
  await page.waitForFunction(() => !document.querySelector('#lookup-list').hidden || document.querySelector('#lookup-status').textContent, null, { timeout: 5000 });
}

/** Clicks a municipality of a map at its centre (not its box's centre, which may be a neighbour). */
async function clickMunicipality(page, svg, code) {
  const at = await page.locator(`${svg} a[data-code="${code}"]`).evaluate((a) => {
    a.scrollIntoView({ block: 'center' });
    const [x, y] = a.getAttribute('data-c').split(' ').map(Number);
    const p = new DOMPoint(x, y).matrixTransform(a.closest('svg').getScreenCTM());
    return { x: p.x, y: p.y };
  });
  await page.mouse.click(at.x, at.y);
}

/** Text without the direction isolates (U+2068, U+2069) the script puts around names. */
const bare = (text) => text.replace(/[\u2068\u2069]/g, '');
const options = async (page) => (await page.locator('#lookup-list [role=option]').allInnerTexts()).map(bare);
const results = (page) => page.locator('#lookup-answer .lookup-result');

try {
  const { page, foreign } = await isolatedPage(context, server.origin);
  await page.goto(server.base + 'kaart/', { waitUntil: 'load' });

  // Keyboard only: the field is the first stop of the page's content (after the skip link).
  await page.locator('main').focus();
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement.id) === 'lookup-q', 'Tab from the start of the content reaches the search field');
  const input = page.locator('#lookup-q');
  check(await input.getAttribute('role') === 'combobox' && await input.getAttribute('aria-expanded') === 'false', 'the field is a collapsed combobox');

  // "utrech" → Utrecht first; arrow down and Enter → its coordinator's phone.
  await type(page, 'utrech');
  const utrech = await options(page);
  check(/^Utrecht\b/.test(utrech[0] ?? '') && await input.getAttribute('aria-expanded') === 'true', `"utrech" suggests Utrecht first (${utrech.slice(0, 3).join(' | ')})`);
  await page.keyboard.press('ArrowDown');
  const activeId = await input.getAttribute('aria-activedescendant');
  check(activeId && await page.locator('#' + activeId).getAttribute('aria-selected') === 'true', 'ArrowDown marks the first suggestion active');
  await page.keyboard.press('Enter');
  await results(page).first().waitFor();
  const shown = [...new Set(await page.locator('#lookup-answer a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))))].sort();
  const expected = await phonesOf(page, 'gemeenten/utrecht/');
  check(expected.length > 0 && JSON.stringify(shown) === JSON.stringify(expected), `the answer has Utrecht's location and coordinator phones (${shown.join(' ')})`);
  check(/Utrecht/.test(await page.locator('#lookup-answer h3').first().innerText()), 'the answer is headed with Utrecht');
  check(await input.getAttribute('aria-expanded') === 'false', 'choosing closes the list');
  // Tab on from the field reaches the answer's links (after the button).
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => !!document.activeElement.closest('#lookup-answer')), 'Tab reaches the answer');
  await input.focus();

  // A postcode → its municipality.
  await type(page, '1011 AB');
  const pc = await options(page);
  check(pc.length === 1 && /Amsterdam/.test(pc[0]), `"1011 AB" suggests the postcode in Amsterdam (${pc.join(' | ')})`);
  await page.keyboard.press('Enter');
  await results(page).first().waitFor();
  check(await page.locator('#lookup-answer a[href$="/gemeenten/amsterdam/"]').count() > 0, 'Enter shows Amsterdam with a link to its page');

  // A town in two municipalities → both, each with its answer.
  await type(page, 'Hengelo');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('#lookup-answer .lookup-result').length > 1);
  const heads = await page.locator('#lookup-answer h3').allInnerTexts();
  check(heads.length === 2 && heads.some((h) => /Bronckhorst/.test(h)) && heads.some((h) => /Hengelo/.test(h)), `"Hengelo" shows both candidates (${heads.join(' | ')})`);
  check(/meer dan één gemeente/.test(await page.locator('.lookup-intro').innerText()), 'and says it lies in more than one');

  // Everyday and CBS names, accents and apostrophes, a typo, nothing at all.
  for (const [typed, want] of [['den bosch', /Den Bosch/], ['s hertogenbosch', /Hertogenbosch/], ['Súdwest', /Súdwest-Fryslân/], ['amsterdma', /^Amsterdam/], ['DEN HAAG', /^Den Haag/]]) {
    await type(page, typed);
    const got = await options(page);
    check(want.test(got[0] ?? ''), `"${typed}" suggests ${want} first (${got.slice(0, 2).join(' | ')})`);
  }
  await type(page, 'Bergen');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('#lookup-answer .lookup-result').length > 1);
  check(await results(page).count() === 2, '"Bergen" shows both municipalities called Bergen');

  // A city whose locations serve only some districts names the ones no location serves.
  await type(page, 'Rotterdam');
  await page.keyboard.press('Enter');
  await results(page).first().waitFor();
  const part = await page.locator('#lookup-answer .lookup-part').allInnerTexts();
  check(part.length === 1 && /Hoek van Holland, Pernis, Rozenburg/.test(part[0]), `"Rotterdam" names its districts without Home-Start (${part.join(' | ')})`);
  await type(page, 'Amsterdam');
  await page.keyboard.press('Enter');
  await results(page).first().waitFor();
  check(await page.locator('#lookup-answer .lookup-part').count() === 0, '"Amsterdam", served in every district, names none');

  // A postcode the project cannot place: said plainly, never another municipality.
  await type(page, '5217');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /5217/.test(document.querySelector('#lookup-answer').textContent));
  check(await results(page).count() === 0 && /staat niet in onze lijst/.test(await page.locator('#lookup-answer').innerText()), '"5217" says it is not known and answers with no municipality');

  // A municipality that merged answers with what it became, and since when.
  for (const [former, successor, year] of [['Langedijk', 'Dijk en Waard', '2022'], ['Landerd', 'Maashorst', '2022'], ['Westvoorne', 'Voorne aan Zee', '2023'], ['Mill en Sint Hubert', 'Land van Cuijk', '2022']]) {
    await type(page, former);
    await page.keyboard.press('Enter');
    await page.waitForFunction((s) => document.querySelector('#lookup-answer h3')?.textContent.includes(s), successor);
    const intro = await page.locator('#lookup-answer .lookup-intro').innerText();
    check(intro.includes(former) && intro.includes(successor) && intro.includes(year) && await results(page).count() === 1, `"${former}" answers with ${successor} since ${year} (${intro})`);
  }

  // A typo is a question: "Bedoelt u …?" with the candidates, and no answer.
  await type(page, 'Landerdd');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /Bedoelt u/.test(document.querySelector('#lookup-answer').textContent));
  const question = await page.locator('#lookup-answer').innerText();
  check(/Bedoelt u .*Landerd/.test(question) && await results(page).count() === 0 && await input.getAttribute('aria-expanded') === 'true', `"Landerdd" + Enter asks instead of answering (${question})`);
  // Enter in an empty field clears the old answer and says what to type.
  await type(page, 'Utrecht');
  await page.keyboard.press('Enter');
  await results(page).first().waitFor();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('#lookup-answer .lookup-result').length === 0);
  check(/Typ de naam/.test(await page.locator('#lookup-answer').innerText()), 'Enter on an empty field clears the answer and says what to type');

  await type(page, 'xqzwv');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /xqzwv/.test(document.querySelector('#lookup-answer').textContent));
  check(await results(page).count() === 0, 'nothing found says so instead of guessing');

  // Escape closes the list, a second Escape clears the field.
  await type(page, 'zee');
  await page.keyboard.press('Escape');
  check(await page.locator('#lookup-list').isHidden(), 'Escape closes the suggestions');
  await page.keyboard.press('Escape');
  check(await input.inputValue() === '', 'a second Escape clears the field');

  // A pointer user clicks a suggestion.
  await type(page, 'maarssen');
  await page.locator('#lookup-list [role=option]').first().click();
  await results(page).first().waitFor();
  check(/Stichtse Vecht/.test(await page.locator('#lookup-answer').innerText()), 'clicking "Maarssen" answers for Stichtse Vecht');

  await type(page, 'gro');
  const violations = await axe(page);
  check(violations.length === 0, `axe-core: no violations with the suggestions open (${violations.map((v) => v.id).join(', ')})`);
  check(foreign.length === 0, 'no request to another host');

  // The home page: the lookup beside the small map; a click on the map answers in the lookup.
  await page.goto(server.base, { waitUntil: 'load' });
  check(await page.locator('svg.coverage-map-small a').count() === 342, 'the home page has the small map with every municipality');
  await clickMunicipality(page, 'svg.coverage-map-small', 'GM0363');
  await results(page).first().waitFor();
  check(page.url() === server.base && /Amsterdam/.test(await page.locator('#lookup-answer').innerText()), 'clicking Amsterdam on the small map answers beside it');
  const homeViolations = await axe(page);
  check(homeViolations.length === 0, `axe-core: home page with an answer (${homeViolations.map((v) => v.id).join(', ')})`);

  // English.
  await page.goto(server.base + 'en/map/', { waitUntil: 'load' });
  await page.locator('#lookup-q').focus();
  await type(page, 'the hague');
  check(/The Hague – municipality of Den Haag/.test((await options(page))[0] ?? ''), '"the hague" suggests the municipality of Den Haag');
  await page.keyboard.press('Enter');
  await results(page).first().waitFor();
  const en = await page.locator('#lookup-answer').innerText();
  check(/Den Haag/.test(en) && /Call|offered/i.test(en) && await page.locator('#lookup-answer a[href*="/en/municipalities/"]').count() > 0, 'the English map answers in English with English links');

  // Every language's home page: a municipality, a town and a postcode, each answered with the
  // coordinator's number as a tel: link; right to left in Arabic and Persian, numbers left to right.
  const utrechtPhones = await phonesOf(page, 'gemeenten/utrecht/');
  for (const code of ['nl', 'en', 'pl', 'tr', 'uk', 'ar', 'fa', 'ti']) {
    await page.goto(server.base + (code === 'nl' ? '' : code + '/'), { waitUntil: 'load' });
    await page.locator('#lookup-q').focus();
    for (const [typed, heading] of [['Utrecht', /Utrecht/], ['Maarssen', /Stichtse Vecht/], ['3511', /Utrecht/]]) {
      await type(page, typed);
      await page.keyboard.press('Enter');
      await results(page).first().waitFor();
      const head = await page.locator('#lookup-answer h3').first().innerText();
      const tels = [...new Set(await page.locator('#lookup-answer a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))))].sort();
      const want = typed === 'Maarssen' ? tels.length > 0 : JSON.stringify(tels) === JSON.stringify(utrechtPhones);
      check(heading.test(head) && want, `${code}: "${typed}" answers ${heading} with the numbers to call (${head}; ${tels.join(' ')})`);
    }
    const dirs = await page.evaluate(() => ({
      page: document.documentElement.dir,
      answer: getComputedStyle(document.querySelector('#lookup-answer')).direction,
      phones: [...document.querySelectorAll('#lookup-answer a.phone')].map((a) => [getComputedStyle(a).direction, a.textContent]),
    }));
    const rtl = code === 'ar' || code === 'fa';
    check(dirs.answer === (rtl ? 'rtl' : 'ltr') && dirs.phones.length > 0 && dirs.phones.every(([d, t]) => d === 'ltr' && /^[0-9 ]+$/.test(t)), `${code}: the answer is ${rtl ? 'right to left' : 'left to right'}, its numbers left to right (${JSON.stringify(dirs.phones.slice(0, 2))})`);
    const links = await page.locator('#lookup-answer a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    check(links.every((h) => code === 'nl' ? !/^\/(en|pl|tr|uk|ar|fa|ti)\//.test(h) : h.startsWith('/' + code + '/')), `${code}: the answer links only to pages in its own language (${links.slice(0, 3).join(' ')})`);
  }
  check(foreign.length === 0, 'no request to another host from any language');

  // The A–Z page answers a query it was sent (the form's target without JavaScript).
  await page.goto(server.base + 'gemeenten/?q=utrecht', { waitUntil: 'load' });
  await results(page).first().waitFor();
  check(/Utrecht/.test(await page.locator('#lookup-answer').innerText()), 'the A–Z page answers ?q=utrecht');
  // …and asks about one that is not written in full.
  await page.goto(server.base + 'gemeenten/?q=utrech', { waitUntil: 'load' });
  await page.waitForFunction(() => /Bedoelt u/.test(document.querySelector('#lookup-answer').textContent));
  check(/Bedoelt u Utrecht/.test(bare(await page.locator('#lookup-answer').innerText())) && await results(page).count() === 0, 'the A–Z page asks about ?q=utrech');
  check(foreign.length === 0, 'still no request to another host');
  await page.close();

  // Phones first: at 320 × 568 CSS px the heading and the field are on the first screen of every
  // home and map page; the language list and the menu fold behind buttons that work without
  // JavaScript.
  const phone = await browser.newContext({ viewport: { width: 320, height: 568 }, javaScriptEnabled: false });
  const small = await phone.newPage();
  const maps = { nl: 'kaart/', en: 'en/map/', pl: 'pl/mapa/', tr: 'tr/harita/', uk: 'uk/karta/', ar: 'ar/kharita/', fa: 'fa/naqsheh/', ti: 'ti/karta/' };
  for (const [code, map] of Object.entries(maps)) {
    for (const url of [code === 'nl' ? '' : code + '/', map]) {
      await small.goto(server.base + url, { waitUntil: 'load' });
      const at = await small.evaluate(() => ({
        h1: document.querySelector('h1').getBoundingClientRect().bottom,
        field: document.querySelector('#lookup-q').getBoundingClientRect().top,
        width: document.documentElement.scrollWidth,
      }));
      check(at.h1 < 568 && at.field < 568 && at.width <= 320, `320 px, /${url}: heading and field on the first screen (field at ${Math.round(at.field)} px)`);
    }
  }
  await small.goto(server.base + 'pl/', { waitUntil: 'load' });
  const menuLink = small.locator('.menu-toggle a[href="/pl/mapa/"]');
  check(!(await menuLink.isVisible()), 'the folded menu hides its links');
  await small.locator('.menu-toggle summary').click();
  check(await menuLink.isVisible(), 'without JavaScript, the menu button shows the menu, with the map');
  await small.locator('.lang-switch summary').click();
  check(await small.locator('.lang-switch a[hreflang="ar"]').isVisible(), 'and the language button the languages');
  await phone.close();

  // Without JavaScript the form goes to the A–Z list.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await plain.goto(server.base + 'verwijzers/', { waitUntil: 'load' });
  await plain.locator('#lookup-q').fill('Utrecht');
  await Promise.all([plain.waitForURL('**/gemeenten/?q=Utrecht'), plain.locator('#lookup-q').press('Enter')]);
  check(await plain.locator('a[href$="/gemeenten/utrecht/"]').count() > 0, 'without JavaScript, Enter opens the A–Z list with Utrecht on it');
  // In a language without a page per municipality, the A–Z list is the answer: number included.
  await plain.goto(server.base + 'pl/', { waitUntil: 'load' });
  await plain.locator('#lookup-q').fill('Utrecht');
  await Promise.all([plain.waitForURL('**/pl/gminy/?q=Utrecht'), plain.locator('#lookup-q').press('Enter')]);
  const entry = await plain.locator('#m-utrecht a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')).sort());
  check(entry.length === 2 && entry.every((t) => utrechtPhones.includes(t)), `without JavaScript, the Polish A–Z list gives the numbers of Utrecht's two locations (${entry.join(' ')})`);
  await noJs.close();
} catch (e) {
  check(false, e.stack ?? e.message);
} finally {
  await browser.close();
  await server.close();
}
finish('lookup test');
