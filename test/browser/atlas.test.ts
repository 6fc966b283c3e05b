/** The atlas in real Chromium, served from a sub-path with no network: what a person sees and gets. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { sharedChromium, waitForMapIdle, watchPage, type PageWatch } from './chromium';
import { screenPoint } from './map-math';
import { distinctColors } from './pixels';

const appUrl = inject('appUrl');
const origin = inject('origin');
const shots = resolve(import.meta.dirname, '../../test-results/screenshots');
mkdirSync(shots, { recursive: true });

const chromium = sharedChromium();

async function open(hash = '', viewport = { width: 1280, height: 800 }): Promise<{ page: Page; context: BrowserContext; watch: PageWatch }> {
  const context = await chromium().newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const watch = watchPage(page, origin);
  await page.goto(`${appUrl}${hash}`);
  await waitForMapIdle(page);
  return { page, context, watch };
}

const visibleNames = (page: Page) => page.locator('.visible-names li').allTextContents();

describe('base map', () => {
  it('draws Yunnan with prefecture names, offline, from a sub-path', async () => {
    const { page, context, watch } = await open();
    expect(page.url()).toContain('/portal/health/atlas/');
    const box = (await page.locator('.map').boundingBox())!;
    expect(await distinctColors(page, { x: box.x + 50, y: box.y + 50, width: box.width - 100, height: box.height - 100 })).toBeGreaterThan(200);
    const names = await visibleNames(page);
    for (const n of ['昆明', '大理', '临沧', '西双版纳']) expect(names).toContain(n);
    await expect(page.locator('.maplibregl-ctrl-attrib')).toBeTruthy();
    expect(await page.locator('.maplibregl-ctrl-attrib').innerText()).toMatch(/Natural Earth/);
    expect(await page.locator('.maplibregl-ctrl-scale').count()).toBe(1);
    await page.screenshot({ path: resolve(shots, 'browser-base-laptop.png') });
    expect(watch.external).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('exploring a layout', () => {
  it('opens a deep link with its plan, selection, view and language', async () => {
    const { page, context, watch } = await open('#plan=qujing&feature=qujing-core&map=9/25.6/103.8&lang=en');
    await expect.poll(() => page.locator('.details .panel-title').textContent()).toContain('中心');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'Close' }).count()).toBe(1);
    expect(new URL(page.url()).hash).toMatch(/map=9\/25\.6\/103\.8/);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('clicks a zone where it lies on screen and reads its details', async () => {
    const view = { zoom: 7, lat: 25.3, lng: 103.6 };
    const { page, context } = await open(`#plan=yunnan&map=${view.zoom}/${view.lat}/${view.lng}`);
    const box = (await page.locator('.map').boundingBox())!;
    // 曲靖 seat area lies inside the 滇东 zone.
    const at = screenPoint([103.9, 25.6], view, box);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.locator('.details .panel-title').textContent()).toBe('滇东健康医疗服务业集聚区');
    expect(await page.locator('.details').innerText()).toMatch(/六区 · 滇东健康医疗服务业集聚区/);
    expect(await page.locator('.details blockquote').innerText()).toMatch(/以曲靖建设省级区域医疗中心为契机/);
    await expect.poll(() => new URL(page.url()).hash).toContain('feature=yunnan-zone-diandong');
    await page.screenshot({ path: resolve(shots, 'browser-zone-details.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.details').count()).toBe(0);
    await context.close();
  });

  it('searches, switches plan and lands on the result', async () => {
    const { page, context } = await open();
    const search = page.getByRole('combobox');
    await search.fill('勐库康养');
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0);
    await search.press('Enter');
    await expect.poll(() => page.locator('.details .panel-title').textContent()).toContain('勐库');
    await expect.poll(() => new URL(page.url()).hash).toContain('plan=shuangjiang');
    await waitForMapIdle(page);
    await page.screenshot({ path: resolve(shots, 'browser-search-shuangjiang.png') });
    await context.close();
  });

  it('switches the interface language and keeps it in the URL', async () => {
    const { page, context } = await open('#plan=lincang');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('.legend-title').innerText()).toMatch(/Legend/);
    await expect.poll(() => new URL(page.url()).hash).toContain('lang=en');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await context.close();
  });

  it.each([
    '#plan=nowhere&feature=<script>alert(1)</script>',
    '#map=NaN/Infinity/1e999&lang=xx',
    '#feature=%E0%A4%A&plan=',
    '#plan=qujing&feature=qujing-does-not-exist',
    `#${'x'.repeat(5000)}`,
  ])('shrugs off a junk hash %#', async (hash) => {
    const { page, context, watch } = await open(hash);
    expect(watch.errors).toEqual([]);
    expect(await page.locator('.panel-title').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.querySelectorAll('script:not([src])').length)).toBe(0);
    await context.close();
  });
});
