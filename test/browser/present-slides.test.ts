/** What a room sees on the slides: key projects named on the map, the indicators with a legend, links by slide number. */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { sharedChromium, waitForMapIdle } from './chromium';
import { Atlas, type OpenOptions } from './driver/atlas';
import { Presentation } from './driver/present';
import { planLayer } from './frame-check';
import { pixelsOfColor } from './pixels';

const server = { appUrl: inject('appUrl'), origin: inject('origin') };
const offlineFile = pathToFileURL(resolve(import.meta.dirname, '../../dist/atlas-offline.html')).href;
const chromium = sharedChromium();

const slideCount = (page: Page) => page.getByRole('list', { name: '演示进度' }).getByRole('button').count();

/** The atlas at `hash`, presenting; the whole province's first draw can take long on a loaded machine. */
async function present(hash: string, viewport: OpenOptions['viewport']) {
  const atlas = await Atlas.open(chromium(), server, { hash, viewport, waitForMap: false });
  await waitForMapIdle(atlas.page, 90_000);
  return { atlas, page: atlas.page, slides: new Presentation(atlas) };
}

describe('presentation slides', () => {
  // Ten steps, each a camera flight: longer than one page load.
  it('names on the map every key project a step names, with its place', { timeout: 600_000 }, async () => {
    const { atlas, page, slides } = await present('#plan=yunnan&present=1', { width: 1920, height: 1080 });
    await page.getByRole('button', { name: /重点项目$/ }).click();
    const card = page.getByRole('region', { name: '重点项目' });
    const names = card.getByRole('listitem');
    const seen = new Set<string>();
    // Step through the key projects as a clicker would; at each step every name on the card is named on the map.
    const steps = (await slides.stepCount())[1];
    expect(steps).toBeGreaterThan(5);
    for (let step = 1; step <= steps; step++) {
      await expect.poll(() => slides.stepCount()).toEqual([step, steps]);
      const onCard = await names.allTextContents();
      expect(onCard.length).toBeGreaterThan(0);
      seen.add(onCard.join());
      await expect
        .poll(
          async () => {
            const shown = await atlas.visibleNames();
            return onCard.filter((n) => !shown.includes(n));
          },
          { timeout: 60_000 },
        )
        .toEqual([]);
      await page.keyboard.press('ArrowRight');
    }
    // The plan's “州人民医院” is named with its prefecture, on the card and on the map.
    expect([...seen].join()).toContain('大理州人民医院');
    await atlas.close();
  });

  it('closes with the indicators beside the whole province and a legend', { timeout: 180_000 }, async () => {
    const { atlas, page } = await present('#plan=yunnan&present=1', { width: 1280, height: 720 });
    await page.keyboard.press('End');
    const card = page.getByRole('region', { name: '主要指标' });
    await expect.poll(() => card.isVisible()).toBe(true);
    const legend = page.getByRole('region', { name: '图例' });
    await expect.poll(() => legend.isVisible()).toBe(true);
    expect(await legend.getByText('滇中大健康产业示范区').isVisible()).toBe(true);
    // The map frames the province to the right of the card and its legend: the west of Yunnan is not under them.
    const west = 97.53;
    await expect
      .poll(
        async () => {
          const [w = 0, , e = 0] = await atlas.bounds();
          const box = (await card.boundingBox())!;
          const legendBox = (await legend.boundingBox())!;
          const x = ((west - w) / (e - w)) * 1280;
          return x > Math.max(box.x + box.width, legendBox.x + legendBox.width);
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    await atlas.close();
  });

  it('keeps a slide’s core in sight, in its legend colour, when the project it names stands on the same spot', { timeout: 180_000 }, async () => {
    const { atlas, page, slides } = await present('#plan=lincang&present=1&chapter=2', { width: 1280, height: 720 });
    const core = planLayer('lincang').find((f) => f.properties.role === 'core' && f.geometry.type === 'Point')!;
    // The slide names the core and, on its spot, the hospital the plan builds it on.
    await expect.poll(() => slides.title()).toBe(core.properties.name);
    await expect.poll(() => atlas.visibleNames(), { timeout: 30_000 }).toContain('临沧市人民医院');
    await waitForMapIdle(page);
    const color = (await slides.legendColor(core.properties.name!)) ?? '';
    const rgb = [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16)) as [number, number, number];
    const [w = 0, s = 0, e = 0, n = 0] = await atlas.bounds();
    const box = await atlas.mapBox();
    const [x, y] = (core.geometry as GeoJSON.Point).coordinates as [number, number];
    const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
    const at = { x: box.x + ((x - w) / (e - w)) * box.width, y: box.y + ((mercY(n) - mercY(y)) / (mercY(n) - mercY(s))) * box.height };
    // Around the point, a ring of the core’s colour (without it the disc on top hid every pixel of the core’s dot).
    const clip = { x: Math.round(at.x - 32), y: Math.round(at.y - 32), width: 64, height: 64 };
    expect(await pixelsOfColor(page, clip, rgb)).toBeGreaterThan(150);
    await atlas.close();
  });

  it('numbers slides in links as on the screen, from 1', async () => {
    const { atlas, page } = await present('#plan=yunnan&present=1&chapter=2', { width: 1280, height: 720 });
    await expect.poll(() => page.getByRole('button', { name: /^2\. / }).getAttribute('aria-current')).toBe('step');
    await page.keyboard.press('End');
    const last = await slideCount(page);
    await expect.poll(() => new URLSearchParams(new URL(page.url()).hash.slice(1)).get('chapter')).toBe(String(last));
    await atlas.close();
  });

  // From the offline file, where both windows have the opaque origin "null": the harder case for the origin check.
  it('shows the presenter pictures of the slide on screen and the next, and keeps notes per plan', { timeout: 240_000 }, async () => {
    const context = await chromium().newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${offlineFile}#plan=qujing&present=1&chapter=2`);
    await waitForMapIdle(page, 90_000);
    const [presenter] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('p')]);
    const now = presenter.getByRole('region', { name: '当前页', exact: true });
    await now.waitFor({ timeout: 90_000 });
    await expect.poll(() => presenter.getByRole('img', { name: '当前页的地图' }).count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(() => presenter.getByRole('img', { name: '下一页的地图' }).count(), { timeout: 60_000 }).toBe(1);
    // The speaker steps in the presenter's window: the audience's slide follows.
    await presenter.keyboard.press('End');
    const last = await slideCount(page);
    await expect.poll(() => page.getByRole('button', { name: new RegExp(`^${last}\\. `) }).getAttribute('aria-current'), { timeout: 30_000 }).toBe('step');
    const notes = presenter.getByLabel('讲稿备注（按规划保存在本浏览器中）');
    await notes.fill('先讲中心引领区');
    await presenter.reload();
    await now.waitFor({ timeout: 90_000 });
    expect(await presenter.getByLabel('讲稿备注（按规划保存在本浏览器中）').inputValue()).toBe('先讲中心引领区');
    await context.close();
  });
});
