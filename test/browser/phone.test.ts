/** The atlas on a 390×844 phone: a bottom sheet that moves by touch and keys, and a frame that lies above it. */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { sharedChromium, waitForMapIdle, watchPage } from './chromium';
import { outside, planLayer } from './frame-check';

const appUrl = inject('appUrl');
const origin = inject('origin');
const chromium = sharedChromium();
const shots = resolve(import.meta.dirname, '../../test-results/screenshots');

/** The features (by id) whose extent is not on screen inside the map, above the top of the sheet. */
async function allAboveSheet(page: Page, ids: string[], plan: string): Promise<string[]> {
  const map = (await page.locator('.map').boundingBox())!;
  const sheet = (await page.locator('.panel').boundingBox())!;
  const features = planLayer(plan).filter((f) => ids.includes(f.properties.id) && f.properties.part !== 'linked');
  return outside(features, page.url(), map, { top: map.y, bottom: sheet.y, left: map.x, right: map.x + map.width });
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

const sheetState = (page: Page) => page.locator('.panel').getAttribute('data-sheet');
/** Waits until the sheet has come to rest at its snap point (its height transition is over). */
const sheetAtRest = (page: Page) =>
  page.waitForFunction(() => {
    const panel = document.querySelector<HTMLElement>('.panel');
    return !!panel && getComputedStyle(panel).height === panel.style.height;
  });

describe('phone (390×844)', () => {
  it('starts with the sheet at peek and the province’s six zones in the map above it', async () => {
    const context = await chromium().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await page.goto(`${appUrl}#plan=yunnan`);
    await waitForMapIdle(page);
    expect(await sheetState(page)).toBe('peek');
    const zones = planLayer('yunnan')
      .filter((f) => f.properties.role === 'zone' && f.properties.part !== 'linked')
      .map((f) => f.properties.id);
    expect(zones).toHaveLength(6);
    await expect.poll(() => allAboveSheet(page, zones, 'yunnan'), { timeout: 15_000 }).toEqual([]);
    // The peek names the plan and its layout: the formula lies inside the sheet's visible box.
    const sheet = (await page.locator('.panel').boundingBox())!;
    const formula = (await page.locator('.panel .formula').boundingBox())!;
    expect(formula.y + formula.height).toBeLessThanOrEqual(sheet.y + sheet.height);
    await page.screenshot({ path: resolve(shots, 'browser-phone-peek.png') });
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('expands and collapses the sheet by touch: drag and tap on its handle', async () => {
    const context = await chromium().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`${appUrl}#plan=yunnan`);
    await waitForMapIdle(page);
    const handle = page.getByRole('button', { name: /调整面板高度/ });
    const peek = (await page.locator('.panel').boundingBox())!.height;
    let box = (await handle.boundingBox())!;
    await swipe(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, -500);
    await expect.poll(() => sheetState(page)).toBe('full');
    await expect.poll(async () => (await page.locator('.panel').boundingBox())!.height).toBeGreaterThan(peek + 400);
    await sheetAtRest(page);
    box = (await handle.boundingBox())!;
    await swipe(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, 600);
    await expect.poll(() => sheetState(page)).toBe('peek');
    await sheetAtRest(page);
    await handle.tap(); // waits until the handle stands still
    await expect.poll(() => sheetState(page)).toBe('half');
    expect(await handle.getAttribute('aria-expanded')).toBe('true');
    // At half the plan is framed again, in the smaller room above the sheet.
    const zones = planLayer('yunnan')
      .filter((f) => f.properties.role === 'zone')
      .map((f) => f.properties.id);
    await expect.poll(() => allAboveSheet(page, zones, 'yunnan'), { timeout: 15_000 }).toEqual([]);
    await page.screenshot({ path: resolve(shots, 'browser-phone-half.png') });
    await sheetAtRest(page);
    await handle.tap(); // waits until the handle stands still
    await expect.poll(() => sheetState(page)).toBe('peek');
    await context.close();
  });

  it('expands and collapses the sheet from the keyboard', async () => {
    const context = await chromium().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${appUrl}#plan=lincang`);
    await waitForMapIdle(page);
    const handle = page.getByRole('button', { name: /调整面板高度/ });
    await handle.focus();
    expect(await handle.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => sheetState(page)).toBe('half');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => sheetState(page)).toBe('full');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => sheetState(page)).toBe('half');
    await page.keyboard.press('Home');
    await expect.poll(() => sheetState(page)).toBe('peek');
    expect(await handle.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    await expect.poll(() => sheetState(page)).toBe('half');
    await context.close();
  });

  it('opens an element’s details at their top, its name in view, however far the list was scrolled', async () => {
    const context = await chromium().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${appUrl}#plan=yunnan`);
    await page.locator('.element-list').first().waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: /调整面板高度/ }).focus();
    await page.keyboard.press('End');
    await expect.poll(() => sheetState(page)).toBe('full');
    // Far down the list of the layout's elements.
    const element = page.locator('.element-list').getByRole('button').last();
    const name = (await element.innerText()).split('\n')[0]!.trim(); // the name, without its “示意” tag
    await element.scrollIntoViewIfNeeded();
    expect(await page.locator('.sheet-body').evaluate((e) => e.scrollTop)).toBeGreaterThan(100);
    await element.tap();
    const heading = page.getByRole('heading', { name, exact: true });
    await heading.waitFor();
    const sheet = (await page.locator('.panel').boundingBox())!;
    await expect.poll(async () => (await heading.boundingBox())!.y).toBeGreaterThanOrEqual(sheet.y);
    expect((await heading.boundingBox())!.y).toBeLessThan(sheet.y + 120);
    await context.close();
  }, 150_000);
});
