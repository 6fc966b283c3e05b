/** The atlas in real Chromium, served from a sub-path with no network: what a person sees and gets. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { sharedChromium } from './chromium';
import { Atlas, type OpenOptions } from './driver/atlas';
import { ProjectList } from './driver/list';
import { screenPoint } from './map-math';
import { distinctColors } from './pixels';

const server = { appUrl: inject('appUrl'), origin: inject('origin') };
const shots = resolve(import.meta.dirname, '../../test-results/screenshots');
mkdirSync(shots, { recursive: true });

const chromium = sharedChromium();
const open = (options: OpenOptions = {}) => Atlas.open(chromium(), server, options);

describe('base map', () => {
  it('draws Yunnan with prefecture names, credits and a scale, offline, from a sub-path', async () => {
    const atlas = await open();
    expect(atlas.page.url()).toContain('/portal/health/atlas/');
    const box = await atlas.mapBox();
    expect(await distinctColors(atlas.page, { x: box.x + 50, y: box.y + 50, width: box.width - 100, height: box.height - 100 })).toBeGreaterThan(200);
    const names = await atlas.visibleNames();
    for (const n of ['昆明', '大理', '临沧', '西双版纳']) expect(names).toContain(n);
    // The credits name the base map's source, and a scale bar says how far is far.
    expect(
      await atlas
        .map()
        .getByText(/Natural Earth/)
        .first()
        .innerText(),
    ).toMatch(/Natural Earth/);
    expect(
      await atlas
        .map()
        .getByText(/^\d+\s*(k?m|公里|米)$/)
        .count(),
    ).toBe(1);
    await atlas.page.screenshot({ path: resolve(shots, 'browser-base-laptop.png') });
    expect(atlas.watch.external).toEqual([]);
    expect(atlas.watch.errors).toEqual([]);
    expect(atlas.watch.consoleErrors).toEqual([]);
    await atlas.close();
  });
});

describe('exploring a layout', () => {
  it('opens a deep link with its plan, selection, view and language', async () => {
    const atlas = await open({ hash: '#plan=qujing&feature=qujing-core&map=9/25.6/103.8&lang=en', lang: 'en' });
    await expect.poll(() => atlas.detailsTitle()).toContain('中心');
    expect(await atlas.documentLang()).toBe('en');
    expect(await atlas.details().getByRole('button', { name: 'Close', exact: true }).count()).toBe(1);
    expect(atlas.hash('map')).toBe('9/25.6/103.8');
    expect(atlas.watch.errors).toEqual([]);
    await atlas.close();
  });

  it('clicks a zone where it lies on screen and reads its details', async () => {
    const view = { zoom: 7, lat: 25.3, lng: 103.6 };
    const atlas = await open({ hash: `#plan=yunnan&map=${view.zoom}/${view.lat}/${view.lng}` });
    // The link's view is flown to: click once the map has come to rest there (its first idle can come before the flight).
    await expect
      .poll(async () => {
        const [w = 0, s = 0, e = 0, n = 0] = await atlas.bounds();
        return Math.abs((w + e) / 2 - view.lng) < 0.05 && Math.abs((s + n) / 2 - view.lat) < 0.05;
      })
      .toBe(true);
    // 曲靖 seat area lies inside the 滇东 zone.
    await atlas.clickMap(screenPoint([103.9, 25.6], view, await atlas.mapBox()));
    await expect.poll(() => atlas.detailsTitle()).toBe('滇东健康医疗服务业集聚区');
    expect(await atlas.details().innerText()).toMatch(/六区 · 滇东健康医疗服务业集聚区/);
    expect(await atlas.detailsQuote().innerText()).toMatch(/以曲靖建设省级区域医疗中心为契机/);
    await expect.poll(() => atlas.hash('feature')).toBe('yunnan-zone-diandong');
    await atlas.page.screenshot({ path: resolve(shots, 'browser-zone-details.png') });
    await atlas.page.keyboard.press('Escape');
    await expect.poll(() => atlas.details().count()).toBe(0);
    expect(atlas.hash('feature')).toBeNull();
    await atlas.close();
  });

  it('chooses a plan from the menu and an element from its overview', async () => {
    const atlas = await open({ hash: '#plan=yunnan' });
    await atlas.openPlan('临沧');
    await expect.poll(() => atlas.hash('plan')).toBe('lincang');
    await atlas.select('澜沧江休闲度假康体养生旅游带');
    await expect.poll(() => atlas.hash('feature')).toBe('lincang-belt-lancang');
    await atlas.closeDetails();
    await expect.poll(() => atlas.details().count()).toBe(0);
    await atlas.close();
  });

  it('searches, switches plan and lands on the result', async () => {
    const atlas = await open();
    await atlas.search('勐库康养');
    await expect.poll(() => atlas.detailsTitle()).toContain('勐库');
    await expect.poll(() => atlas.hash('plan')).toBe('shuangjiang');
    await atlas.settle();
    await atlas.page.screenshot({ path: resolve(shots, 'browser-search-shuangjiang.png') });
    await atlas.close();
  });

  it.each([
    ['en', { width: 768, height: 1024 }],
    ['zh', { width: 768, height: 1024 }],
    ['en', { width: 1024, height: 768 }],
  ] as const)('on a tablet (%s, %o) keeps the bar and the panel on the screen, the legend folded', async (lang, viewport) => {
    const atlas = await open({ hash: `#plan=yunnan&lang=${lang}`, viewport, lang });
    await expect.poll(() => atlas.panelHeading().count()).toBe(1);
    // Every button of the bar (the language toggle last) and the panel's heading within the window's width.
    expect(await atlas.pastTheRightEdge()).toEqual([]);
    const bar = await atlas.topBarRows();
    expect(bar.rows).toBeLessThanOrEqual(3);
    // Beside the panel the map is 450–700 px wide: an open legend would cover a third of it or more.
    const legend = atlas.legend().getByRole('button', { name: atlas.t.legend });
    expect(await legend.getAttribute('aria-expanded')).toBe('false');
    await legend.click();
    expect(await legend.getAttribute('aria-expanded')).toBe('true');
    await atlas.page.screenshot({ path: resolve(shots, `browser-tablet-${lang}-${viewport.width}.png`) });
    // Beside the project list (400 px at least, more than its 46 % here) the folded legend lies over the map, not the list.
    const list = new ProjectList(atlas);
    await list.open();
    expect(await atlas.pastTheRightEdge()).toEqual([]);
    const [listBox, legendBox] = [await list.root().boundingBox(), await atlas.legend().boundingBox()];
    expect(legendBox!.x).toBeGreaterThanOrEqual(listBox!.x + listBox!.width);
    await atlas.page.screenshot({ path: resolve(shots, `browser-tablet-${lang}-${viewport.width}-list.png`) });
    expect(atlas.watch.errors).toEqual([]);
    await atlas.close();
  });

  it('switches the interface language and keeps it in the URL', async () => {
    const atlas = await open({ hash: '#plan=lincang' });
    await atlas.switchLanguage('en');
    await expect.poll(() => atlas.legend().count()).toBe(1);
    await expect.poll(() => atlas.hash('lang')).toBe('en');
    expect(await atlas.documentLang()).toBe('en');
    await atlas.close();
  });

  it.each([
    '#plan=nowhere&feature=<script>alert(1)</script>',
    '#map=NaN/Infinity/1e999&lang=xx',
    '#feature=%E0%A4%A&plan=',
    '#plan=qujing&feature=qujing-does-not-exist',
    `#${'x'.repeat(5000)}`,
  ])('shrugs off a junk hash %#', async (hash) => {
    const atlas = await open({ hash });
    expect(atlas.watch.errors).toEqual([]);
    // The page still shows a plan: the panel has its heading, and nothing from the hash became markup.
    await expect.poll(() => atlas.panelHeading().count()).toBe(1);
    // The only inline script is the page's own boot script, as served (the CSP allows it by its hash).
    const served = await (await fetch(server.appUrl)).text();
    const inline = await atlas.page.evaluate(() => [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? ''));
    expect(inline.every((text) => text.length > 0 && served.includes(text))).toBe(true);
    await atlas.close();
  });
});
