/** The atlas on a 390×844 phone: a bottom sheet that moves by touch and keys, and a frame that lies above it. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { sharedChromium, waitForMapIdle, watchPage } from './chromium';
import { screenPoint } from './map-math';

const appUrl = inject('appUrl');
const origin = inject('origin');
const chromium = sharedChromium();
const shots = resolve(import.meta.dirname, '../../test-results/screenshots');

type Box = { x: number; y: number; width: number; height: number };
const layer = (plan: string) =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../public/geo/plans/${plan}.geojson`), 'utf8')) as {
    features: { properties: { id: string; role: string; part?: string }; geometry: GeoJSON.Geometry }[];
  };

function bboxOf(g: GeoJSON.Geometry): [number, number, number, number] {
  const b: [number, number, number, number] = [180, 90, -180, -90];
  const walk = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as [number, number];
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    } else for (const d of c as unknown[]) walk(d);
  };
  walk((g as GeoJSON.Polygon).coordinates);
  return b;
}

/** The camera as the link writes it once the map settles. */
const viewOf = (page: Page) => {
  const m = new URLSearchParams(new URL(page.url()).hash.slice(1)).get('map');
  if (!m) return undefined;
  const [zoom, lat, lng] = m.split('/').map(Number) as [number, number, number];
  return { zoom, lat, lng };
};

/** Whether every given feature's extent lies on screen inside the map, above the top of the sheet. */
async function allAboveSheet(page: Page, ids: string[], plan: string): Promise<string[]> {
  const view = viewOf(page);
  const map = (await page.locator('.map').boundingBox()) as Box;
  const sheet = (await page.locator('.panel').boundingBox()) as Box;
  if (!view) return ids;
  const features = layer(plan).features.filter((f) => ids.includes(f.properties.id) && f.properties.part !== 'linked');
  return features
    .filter((f) => {
      const [w, s, e, n] = bboxOf(f.geometry);
      const nw = screenPoint([w, n], view, map);
      const se = screenPoint([e, s], view, map);
      return nw.x < map.x - 2 || se.x > map.x + map.width + 2 || nw.y < map.y - 2 || se.y > sheet.y + 2;
    })
    .map((f) => f.properties.id);
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
    const zones = layer('yunnan')
      .features.filter((f) => f.properties.role === 'zone' && f.properties.part !== 'linked')
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
    const zones = layer('yunnan')
      .features.filter((f) => f.properties.role === 'zone')
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
});
