/** Export and the optional online base map, in real Chromium. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { sharedChromium, waitForMapIdle, watchPage } from './chromium';
import { languages } from '../../src/i18n/languages';
import { Atlas } from './driver/atlas';

const appUrl = inject('appUrl');
const origin = inject('origin');
const chromium = sharedChromium();

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('export', () => {
  it('exports the map as a PNG at least 1600 px wide', async () => {
    const context = await chromium().newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await page.goto(`${appUrl}#plan=qujing`);
    await waitForMapIdle(page);
    await page.getByRole('button', { name: /^导出/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: /导出 PNG/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^qujing-layout-\d{4}-\d{2}-\d{2}\.png$/);
    const file = resolve(import.meta.dirname, '../../test-results/screenshots/export-qujing.png');
    await download.saveAs(file);
    const size = pngSize(readFileSync(file));
    expect(size.width).toBeGreaterThanOrEqual(1600);
    expect(size.height).toBeGreaterThan(800);
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});

describe('print', () => {
  it('lays the page out for paper: no controls, legend and the plan overview in the flow', async () => {
    const atlas = await Atlas.open(chromium(), { appUrl, origin }, { hash: '#plan=lincang', viewport: { width: 1280, height: 800 } });
    const { page, context } = atlas;
    // The legend's name is its title's toggle, which paper does not show: take hold of it on screen.
    const legend = (await atlas.legend().elementHandle())!;
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('search').isVisible()).toBe(false);
    expect(await atlas.map().getByRole('button', { name: atlas.t.mapLocale['NavigationControl.ZoomIn'], exact: true }).isVisible()).toBe(false);
    expect(await atlas.panel().evaluate((e) => getComputedStyle(e).position)).toBe('static');
    expect(await legend.evaluate((e) => getComputedStyle(e).position)).toBe('static');
    expect(await page.getByRole('table').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString('ascii')).toBe('%PDF-');
    await context.close();
  });
});

describe('online base map', () => {
  // Tiles are answered in the test: nothing actually leaves the machine.
  const tile = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

  it('requests nothing online until the user chooses OpenStreetMap', async () => {
    const context = await chromium().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.route('https://tile.openstreetmap.org/**', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: tile }));
    const watch = watchPage(page, origin);
    await page.goto(appUrl);
    await waitForMapIdle(page);
    expect(watch.external).toEqual([]);
    await page.getByRole('radio', { name: /OpenStreetMap/ }).check();
    await expect.poll(() => watch.external.filter((u) => u.startsWith('https://tile.openstreetmap.org/')).length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(watch.external.every((u) => u.startsWith('https://tile.openstreetmap.org/'))).toBe(true);
    // The map's credits name the tiles' source.
    expect(await page.getByRole('region', { name: languages.zh.mapLabel, exact: true }).getByText('© OpenStreetMap contributors').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('asks 天地图 for tiles only once a key is entered, with that key', async () => {
    const context = await chromium().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.route('https://*.tianditu.gov.cn/**', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: tile }));
    const watch = watchPage(page, origin);
    await page.goto(appUrl);
    await waitForMapIdle(page);
    await page.getByRole('radio', { name: /天地图/ }).check();
    await page.waitForTimeout(800);
    expect(watch.external).toEqual([]);
    await page.getByLabel('天地图密钥').fill('abcdef0123456789abcdef');
    await page.getByRole('button', { name: '使用' }).click();
    await expect.poll(() => watch.external.length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(watch.external.every((u) => u.startsWith('https://t0.tianditu.gov.cn/') && u.includes('tk=abcdef0123456789abcdef'))).toBe(true);
    expect(new URL(page.url()).hash).not.toContain('abcdef');
    await context.close();
  });
});
