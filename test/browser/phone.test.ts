/** The atlas on a 390×844 phone: a bottom sheet that moves by touch and keys, and a frame that lies above it. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { sharedChromium } from './chromium';
import { Atlas } from './driver/atlas';
import { outside, planLayer } from './frame-check';

const server = { appUrl: inject('appUrl'), origin: inject('origin') };
const chromium = sharedChromium();
const shots = resolve(import.meta.dirname, '../../test-results/screenshots');
const phone = { width: 390, height: 844 };
const catalogue = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/geo/plans/catalogue.json'), 'utf8')) as {
  plans: { id: string; formula?: string; parent?: { plan: string }; regionEn: string }[];
};

/** The atlas at `hash` on a phone with a touch screen. */
async function open(hash: string, { waitForMap = true } = {}): Promise<Atlas> {
  return Atlas.open(chromium(), server, { hash, viewport: phone, waitForMap, touch: true });
}

/** The features (by id) whose extent is not on screen inside the map, above the top of the sheet. */
async function allAboveSheet(atlas: Atlas, ids: string[], plan: string): Promise<string[]> {
  const map = await atlas.mapBox();
  const sheet = (await atlas.panel().boundingBox())!;
  const features = planLayer(plan).filter((f) => ids.includes(f.properties.id) && f.properties.part !== 'linked');
  return outside(features, atlas.page.url(), map, { top: map.y, bottom: sheet.y, left: map.x, right: map.x + map.width });
}

/** A finger on the touch screen (CDP touch events, which Chromium turns into pointer events). */
async function swipe(page: Page, from: { x: number; y: number }, dy: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }] });
  const steps = 8;
  for (let i = 1; i <= steps; i++)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from.x, y: from.y + (dy * i) / steps }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Swipes the sheet's handle by `dy` px. */
async function swipeHandle(atlas: Atlas, dy: number) {
  const box = (await atlas.sheetHandle().boundingBox())!;
  await swipe(atlas.page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, dy);
}

describe('phone (390×844)', () => {
  it('starts with the sheet at peek and the province’s six zones in the map above it', async () => {
    const atlas = await open('#plan=yunnan');
    expect(await atlas.sheetState()).toBe('peek');
    const zones = planLayer('yunnan')
      .filter((f) => f.properties.role === 'zone' && f.properties.part !== 'linked')
      .map((f) => f.properties.id);
    expect(zones).toHaveLength(6);
    await expect.poll(() => allAboveSheet(atlas, zones, 'yunnan'), { timeout: 15_000 }).toEqual([]);
    // The peek names the plan and its layout: the formula lies inside the sheet's visible box.
    const sheet = (await atlas.panel().boundingBox())!;
    const text = catalogue.plans.find((p) => p.id === 'yunnan')!.formula!;
    const formula = (await atlas.panel().getByText(text, { exact: true }).first().boundingBox())!;
    expect(formula.y + formula.height).toBeLessThanOrEqual(sheet.y + sheet.height);
    await atlas.page.screenshot({ path: resolve(shots, 'browser-phone-peek.png') });
    expect(atlas.watch.errors).toEqual([]);
    await atlas.close();
  });

  it.each([
    // Chinese names, a line or two each, fit a small phone; English ones, five lines each, can crowd one another out
    // below a projector's room (README, "On a phone"), so the English case is the projector's.
    ['zh', { width: 375, height: 812 }],
    ['zh', phone],
    ['en', { width: 1920, height: 1080 }],
  ] as const)('names every area of the province (%s) on a screen of %o, as the screen-reader list tells', async (lang, viewport) => {
    // The province: the plan at the root of the catalogue's tree; its areas' names from its published layer.
    const province = catalogue.plans.find((p) => !p.parent)!.id;
    const areas = planLayer(province).filter(
      (f) => f.properties.part !== 'linked' && f.geometry.type !== 'Point' && !f.geometry.type.includes('Line') && f.properties.role !== 'project',
    );
    expect(areas.length).toBeGreaterThan(0);
    const names = areas.map((f) => (lang === 'en' ? f.properties.nameEn || f.properties.name : f.properties.name) || '');
    const atlas = await Atlas.open(chromium(), server, { hash: `#plan=${province}&lang=${lang}`, viewport, touch: viewport.width < 720, lang });
    await expect.poll(() => atlas.visibleNames(), { timeout: 20_000 }).toEqual(expect.arrayContaining(names));
    await atlas.page.screenshot({ path: resolve(shots, `browser-phone-${lang}-names-${viewport.width}.png`) });
    await atlas.close();
  });

  it('keeps the top bar to two rows and the search hint whole, in English and in Chinese', async () => {
    // The bar as it first shows, with the plan it opens on named in its plan menu's button.
    const atlas = await Atlas.open(chromium(), server, { hash: '#lang=en', viewport: phone, touch: true, lang: 'en', waitForMap: false });
    await expect.poll(() => atlas.planButton().textContent(), { timeout: 30_000 }).not.toContain(atlas.t.loading);
    for (const lang of ['en', 'zh'] as const) {
      if (lang !== 'en') await atlas.switchLanguage(lang);
      await expect.poll(() => atlas.documentLang()).toBe(atlas.t.htmlLang);
      const bar = await atlas.topBarRows();
      expect(bar.rows, `${lang}: rows of the top bar`).toBeLessThanOrEqual(2);
      // Two rows of controls and the bar's padding, not room for a third.
      expect(bar.height, `${lang}: the top bar's height`).toBeLessThan(3 * bar.tallest);
      const hint = await atlas.searchHint();
      expect(hint.width, `${lang}: “${hint.text}” in a box with ${hint.room} px for it`).toBeLessThanOrEqual(hint.room);
      await atlas.page.screenshot({ path: resolve(shots, `browser-phone-topbar-${lang}.png`) });
    }
    await atlas.close();
  });

  it('keeps the search hint whole beside the plan whose name takes the most room in the plan menu', async () => {
    const longest = [...catalogue.plans].sort((a, b) => b.regionEn.length - a.regionEn.length)[0]!;
    const atlas = await Atlas.open(chromium(), server, { hash: `#plan=${longest.id}&lang=en`, viewport: phone, touch: true, lang: 'en', waitForMap: false });
    await expect.poll(() => atlas.planButton().textContent(), { timeout: 30_000 }).toContain(longest.regionEn);
    await expect
      .poll(async () => {
        const hint = await atlas.searchHint();
        return hint.width <= hint.room ? 'whole' : `“${hint.text}” (${hint.width} px) in ${hint.room} px`;
      })
      .toBe('whole');
    await atlas.close();
  });

  it('expands and collapses the sheet by touch: drag and tap on its handle', async () => {
    const atlas = await open('#plan=yunnan');
    const handle = atlas.sheetHandle();
    const peek = (await atlas.panel().boundingBox())!.height;
    await swipeHandle(atlas, -500);
    await expect.poll(() => atlas.sheetState()).toBe('full');
    await expect.poll(async () => (await atlas.panel().boundingBox())!.height).toBeGreaterThan(peek + 400);
    await atlas.sheetAtRest();
    await swipeHandle(atlas, 600);
    await expect.poll(() => atlas.sheetState()).toBe('peek');
    await atlas.sheetAtRest();
    await handle.tap(); // waits until the handle stands still
    await expect.poll(() => atlas.sheetState()).toBe('half');
    expect(await handle.getAttribute('aria-expanded')).toBe('true');
    // At half the plan is framed again, in the smaller room above the sheet.
    const zones = planLayer('yunnan')
      .filter((f) => f.properties.role === 'zone')
      .map((f) => f.properties.id);
    await expect.poll(() => allAboveSheet(atlas, zones, 'yunnan'), { timeout: 15_000 }).toEqual([]);
    await atlas.page.screenshot({ path: resolve(shots, 'browser-phone-half.png') });
    await atlas.sheetAtRest();
    await handle.tap(); // waits until the handle stands still
    await expect.poll(() => atlas.sheetState()).toBe('peek');
    await atlas.close();
  });

  it('expands and collapses the sheet from the keyboard', async () => {
    const atlas = await open('#plan=lincang');
    const { keyboard } = atlas.page;
    const handle = atlas.sheetHandle();
    await handle.focus();
    expect(await handle.getAttribute('aria-expanded')).toBe('false');
    await keyboard.press('ArrowUp');
    await expect.poll(() => atlas.sheetState()).toBe('half');
    await keyboard.press('ArrowUp');
    await expect.poll(() => atlas.sheetState()).toBe('full');
    await keyboard.press('ArrowDown');
    await expect.poll(() => atlas.sheetState()).toBe('half');
    await keyboard.press('Home');
    await expect.poll(() => atlas.sheetState()).toBe('peek');
    expect(await handle.getAttribute('aria-expanded')).toBe('false');
    await keyboard.press('Enter');
    await expect.poll(() => atlas.sheetState()).toBe('half');
    await atlas.close();
  });

  it('opens an element’s details at their top, its name in view, however far the list was scrolled', async () => {
    const atlas = await open('#plan=yunnan', { waitForMap: false });
    const { page } = atlas;
    await atlas.elementList().waitFor({ timeout: 60_000 });
    await atlas.sheetHandle().focus();
    await page.keyboard.press('End');
    await expect.poll(() => atlas.sheetState()).toBe('full');
    // Far down the list of the layout's elements.
    const element = atlas.elementList().getByRole('button').last();
    const name = (await element.innerText()).split('\n')[0]!.trim(); // the name, without its “示意” tag
    await element.scrollIntoViewIfNeeded();
    // The panel has scrolled its content to get there.
    const scrolled = () =>
      atlas.elementList().evaluate((el) => {
        let n = el.parentElement;
        while (n && n.scrollTop === 0) n = n.parentElement;
        return n?.scrollTop ?? 0;
      });
    expect(await scrolled()).toBeGreaterThan(100);
    await element.tap();
    const heading = page.getByRole('heading', { name, exact: true });
    await heading.waitFor();
    const sheet = (await atlas.panel().boundingBox())!;
    await expect.poll(async () => (await heading.boundingBox())!.y).toBeGreaterThanOrEqual(sheet.y);
    expect((await heading.boundingBox())!.y).toBeLessThan(sheet.y + 120);
    await atlas.close();
  }, 150_000);
});
