/**
 * The investors' workspace in real Chromium: filters drive what the map draws and frames, a dense list at
 * 1366×768, the selected marker kept clear of the details card, a shortlist that survives a reload, the Excel
 * workbook read back, and the printed project book.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { sharedChromium, waitForMapIdle, watchPage, type PageWatch } from './chromium';

const appUrl = inject('appUrl');
const origin = inject('origin');
const shots = resolve(import.meta.dirname, '../../test-results/screenshots');
mkdirSync(shots, { recursive: true });

interface Table {
  fields: string[];
  rows: unknown[][];
}
const table = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/geo/plans/projects.json'), 'utf8')) as Table;
const col = (name: string) => table.fields.indexOf(name);
const projects = table.rows.map((r) => ({
  id: r[col('id')] as string,
  plan: r[col('plan')] as string,
  name: r[col('name')] as string,
  category: r[col('category')] as string,
  lon: r[col('lon')] as number,
  lat: r[col('lat')] as number,
}));
const catalogue = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/geo/plans/catalogue.json'), 'utf8')) as {
  plans: { id: string; level: string; bbox: [number, number, number, number] }[];
};
// A city plan (not the root), to filter on: the one with the most projects.
const city = catalogue.plans
  .filter((p) => p.level === 'city')
  .map((p) => ({ ...p, n: projects.filter((x) => x.plan === p.id).length }))
  .sort((a, b) => b.n - a.n)[0]!;
const cityProjects = projects.filter((p) => p.plan === city.id);

const browser = sharedChromium();

async function open(hash: string, viewport = { width: 1366, height: 768 }): Promise<{ page: Page; context: BrowserContext; watch: PageWatch }> {
  const context = await browser().newContext({ viewport, deviceScaleFactor: 1, acceptDownloads: true });
  const page = await context.newPage();
  const watch = watchPage(page, origin);
  await page.goto(`${appUrl}${hash}`);
  await page.waitForSelector('.pb-row', { timeout: 30_000 });
  await waitForMapIdle(page);
  return { page, context, watch };
}

const drawn = (page: Page) => page.locator('.map').getAttribute('data-projects-drawn');
const bounds = async (page: Page) => ((await page.locator('.map').getAttribute('data-bounds')) ?? '').split(',').map(Number) as number[];
const total = async (page: Page) =>
  Number(
    /(\d+)\s*\/|共\s*(\d+)/
      .exec((await page.locator('.pb-total').textContent()) ?? '')
      ?.slice(1)
      .find(Boolean),
  );
const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

describe('investors’ workspace', () => {
  it('draws and frames exactly the filtered projects; count, list and map agree', async () => {
    const { page, context, watch } = await open('#view=projects');
    await expect.poll(() => drawn(page)).toBe(String(projects.length));
    expect(await total(page)).toBe(projects.length);

    // Choosing the city plan in the plan filter: the map holds its projects only, and frames them.
    const before = await bounds(page);
    await page.getByLabel('规划', { exact: true }).selectOption(city.id);
    await expect.poll(() => drawn(page)).toBe(String(cityProjects.length));
    expect(await total(page)).toBe(cityProjects.length);
    // The plan menu shows the same plan.
    await expect.poll(() => page.locator('.map').getAttribute('data-plan-shown'), { timeout: 30_000 }).toBe(city.id);
    await expect.poll(async () => (await bounds(page)).join(), { timeout: 20_000 }).not.toBe(before.join());
    await waitForMapIdle(page);
    const [w, s, e, n] = await bounds(page);
    const lons = cityProjects.map((p) => p.lon);
    const lats = cityProjects.map((p) => p.lat);
    // Every filtered project is in the frame, and the frame is the city's scale, not the province's.
    expect(Math.min(...lons)).toBeGreaterThanOrEqual(w!);
    expect(Math.max(...lons)).toBeLessThanOrEqual(e!);
    expect(Math.min(...lats)).toBeGreaterThanOrEqual(s!);
    expect(Math.max(...lats)).toBeLessThanOrEqual(n!);
    expect(e! - w!).toBeLessThan((before[2]! - before[0]!) * 0.6);
    await page.screenshot({ path: resolve(shots, 'investors-filtered-map.png') });

    // A category on top (from the filter panel): fewer projects, and the map follows.
    await page.getByRole('button', { name: /^筛选/ }).click();
    const medical = cityProjects.filter((p) => p.category === 'medical');
    await page
      .locator('.pb-more')
      .getByRole('button', { name: /^医疗服务\s*\d+$/ })
      .click();
    await expect.poll(() => drawn(page)).toBe(String(medical.length));
    expect(await total(page)).toBe(medical.length);
    expect(await page.getByRole('button', { name: '移除筛选：医疗服务' }).isVisible()).toBe(true);
    expect(watch.errors).toEqual([]);
    expect(watch.external).toEqual([]);
    await context.close();
  });

  it('shows at least 10 rows at 1366×768 with filters set, and keeps the DOM small', async () => {
    const { page, context, watch } = await open('#view=projects&category=medical,tcm');
    expect(await page.locator('.pb-active-chip').count()).toBe(2);
    const visible = await page.evaluate(() => {
      const box = document.querySelector('.pb-scroll')!.getBoundingClientRect();
      return [...document.querySelectorAll('.pb-row')].filter((r) => {
        const b = r.getBoundingClientRect();
        return b.top >= box.top - 1 && b.bottom <= Math.min(box.bottom, window.innerHeight) + 1;
      }).length;
    });
    expect(visible).toBeGreaterThanOrEqual(10);
    // Windowed: the whole list is not in the DOM.
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => total(page)).toBe(projects.length);
    expect(await page.locator('.pb-row').count()).toBeLessThan(60);
    await page.screenshot({ path: resolve(shots, 'investors-list-1366.png') });
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('keeps the selected project’s marker clear of the details card', async () => {
    const { page, context, watch } = await open(`#view=projects&plan=${city.id}`);
    const row = page.locator('.pb-row').nth(3);
    const id = (await row.getAttribute('data-id'))!;
    const before = (await bounds(page)).join();
    await row.locator('.pb-name-button').click();
    await page.waitForSelector('.panel--details .panel-title');
    await expect.poll(async () => (await bounds(page)).join(), { timeout: 20_000 }).not.toBe(before);
    await waitForMapIdle(page);
    const [w, s, e, n] = await bounds(page);
    const p = projects.find((x) => x.id === id)!;
    const map = (await page.locator('.map').boundingBox())!;
    const x = map.x + ((p.lon - w!) / (e! - w!)) * map.width;
    const y = map.y + ((mercY(n!) - mercY(p.lat)) / (mercY(n!) - mercY(s!))) * map.height;
    const card = (await page.locator('.panel--details').boundingBox())!;
    expect(x).toBeGreaterThan(map.x);
    expect(x).toBeLessThan(map.x + map.width);
    const underCard = x >= card.x && x <= card.x + card.width && y >= card.y && y <= card.y + card.height;
    expect(underCard).toBe(false);
    await page.screenshot({ path: resolve(shots, 'investors-selected.png') });
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('keeps a shortlist across a reload and compares it side by side', async () => {
    const { page, context, watch } = await open(`#view=projects&plan=${city.id}`);
    const ids: string[] = [];
    for (const i of [0, 2]) {
      const row = page.locator('.pb-row').nth(i);
      ids.push((await row.getAttribute('data-id'))!);
      await row.locator('.pb-star').click();
    }
    await expect.poll(() => new URL(page.url()).hash).toContain(`shortlist=${ids.join(',')}`);
    await page.reload();
    await page.waitForSelector('.pb-row', { timeout: 30_000 });
    await page.getByRole('button', { name: /入选 2/ }).click();
    await expect.poll(() => page.locator('.pb-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).toEqual(ids);
    await page.getByRole('button', { name: '并排对比' }).click();
    const dialog = page.getByRole('dialog', { name: '入选项目对比' });
    await dialog.waitFor();
    const names = ids.map((id) => projects.find((p) => p.id === id)!.name);
    expect(await dialog.locator('thead th .cmp-name').allTextContents()).toEqual(names);
    for (const label of ['规划', '所属布局', '类别', '县（市、区）', '投资', '位置精度', '规划原文']) {
      expect(await dialog.getByRole('rowheader', { name: label, exact: true }).count()).toBe(1);
    }
    await page.screenshot({ path: resolve(shots, 'investors-compare.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('downloads the filtered list as an Excel workbook with the Chinese intact', async () => {
    const { page, context, watch } = await open(`#view=projects&plan=${city.id}&category=medical`);
    const listed = cityProjects.filter((p) => p.category === 'medical');
    await page.getByRole('button', { name: /项目册/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Excel 工作簿/ }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^yunnan-health-projects-${city.id}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.getWorksheet('项目')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    // Chinese headers (no half-English one), the plan named, not only its id.
    expect(header.slice(0, 4)).toEqual(['序号', '项目名称', '规划', '规划名称']);
    expect(header.filter((h) => /[a-z]/i.test(String(h)))).toEqual([]);
    expect(String(sheet.getRow(2).getCell(3).value)).not.toBe(city.id);
    const names: string[] = [];
    sheet.eachRow((row, i) => {
      if (i > 1 && typeof row.getCell(1).value === 'number') names.push(String(row.getCell(2).value));
    });
    expect(names.sort()).toEqual(listed.map((p) => p.name).sort());
    expect(names.some((n) => /[\u4e00-\u9fff]/.test(n))).toBe(true);
    // The 说明 sheet's investment row is never empty.
    const about = workbook.getWorksheet('说明')!;
    const totalRow = (about.getSheetValues() as unknown[][]).find((r) => r?.[1] === '投资合计');
    expect(String(totalRow?.[2] ?? '')).toMatch(/投资合计|均未给出投资额/);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('prints the project book: one block per project, with the plan’s words and a locator map', async () => {
    const { page, context, watch } = await open(`#view=projects&plan=${city.id}&category=medical`);
    const listed = cityProjects.filter((p) => p.category === 'medical');
    await page.getByRole('button', { name: /项目册/ }).click();
    await page.getByRole('button', { name: /打印报告/ }).click();
    await page.waitForSelector('.book-root[data-ready="true"]');
    expect(await page.locator('.book-entry').count()).toBe(listed.length);
    expect(await page.locator('.book-entry .book-locator svg').count()).toBe(listed.length);
    expect(await page.locator('.book-entry .book-quote footer').first().textContent()).toMatch(/^出处：/);
    await page.screenshot({ path: resolve(shots, 'investors-book.png') });
    await page.emulateMedia({ media: 'print' });
    // Printed, the book is alone on the page.
    expect(await page.locator('.app').isVisible()).toBe(false);
    expect(await page.locator('.book-toolbar').isVisible()).toBe(false);
    expect(await page.locator('.book-entry').first().isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: '关闭', exact: true }).click();
    await expect.poll(() => page.locator('.book-root').count()).toBe(0);
    expect(watch.errors).toEqual([]);
    expect(watch.external).toEqual([]);
    await context.close();
  });

  it('lists the projects that share a county seat instead of fanning them out', async () => {
    // A plan whose projects share a point: the details of one list the others at that point.
    const shared = projects.filter((p) => projects.some((q) => q !== p && q.plan === p.plan && q.lon === p.lon && q.lat === p.lat));
    const target = shared[0]!;
    const others = shared.filter((q) => q.plan === target.plan && q.lon === target.lon && q.lat === target.lat && q !== target);
    const context = await browser().newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${appUrl}#plan=${target.plan}&feature=${target.id}`);
    await page.waitForSelector('.details .same-place');
    expect(await page.locator('.same-place .section-title').textContent()).toBe(`与本项目标在同一位置的其他 ${others.length} 个项目`);
    expect((await page.locator('.same-place li').allTextContents()).sort()).toEqual(others.map((o) => o.name).sort());
    await context.close();
  });
});
