/** The project browser in real Chromium: filters from a link, counts, CSV download, URL sync, selection, phone width. */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { parseCsv } from '../csv';
import { describe, expect, inject, it } from 'vitest';
import { zh } from '../../src/i18n/zh';
import { sharedChromium, watchPage, type PageWatch } from './chromium';

const appUrl = inject('appUrl');
const origin = inject('origin');
const shots = resolve(import.meta.dirname, '../../test-results/screenshots');
mkdirSync(shots, { recursive: true });

interface Layer {
  features: { properties: { role: string; plan: string; category?: string; name: string } }[];
}
const plansDir = resolve(import.meta.dirname, '../../public/geo/plans');
const layer = (id: string) => JSON.parse(readFileSync(resolve(plansDir, `${id}.geojson`), 'utf8')) as Layer;
/** Every published plan (the catalogue the build writes): a plan added the README's way is counted too. */
const plans = (JSON.parse(readFileSync(resolve(plansDir, 'catalogue.json'), 'utf8')) as { plans: { id: string; level: string; regionShort: string }[] }).plans;
const allProjects = plans.flatMap((p) => layer(p.id).features.filter((f) => f.properties.role === 'project'));
const projectsOf = (plan: string, category: string) => allProjects.filter((f) => f.properties.plan === plan && f.properties.category === category);
/**
 * The city plan the first test filters: the first whose projects take every step below (medical projects, two of
 * them hospitals by name, and traditional-medicine ones to add to the filter).
 */
const example = plans.find(
  (p) => p.level === 'city' && projectsOf(p.id, 'medical').filter((f) => f.properties.name.includes('医院')).length >= 2 && projectsOf(p.id, 'tcm').length > 0,
)!;
const exampleMedical = example ? projectsOf(example.id, 'medical') : [];
const exampleLink = `#view=projects&plan=${example?.id}&category=medical`;

const browser = sharedChromium();

async function open(hash: string, viewport = { width: 1280, height: 800 }): Promise<{ page: Page; context: BrowserContext; watch: PageWatch }> {
  const context = await browser().newContext({ viewport, deviceScaleFactor: 1, acceptDownloads: true });
  const page = await context.newPage();
  const watch = watchPage(page, origin);
  await page.goto(`${appUrl}${hash}`);
  await table(page).getByRole('rowheader').first().waitFor({ timeout: 30_000 });
  await expect.poll(() => page.getByText('正在加载各规划的项目……').count()).toBe(0);
  return { page, context, watch };
}

/** The list of projects (its caption names it); its rows name their project in a row header button. */
const table = (page: Page) => page.getByRole('table', { name: /^项目列表/ });
const rows = (page: Page) =>
  table(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader') });
const rowCount = (page: Page) => rows(page).count();
const rowNames = (page: Page) => table(page).getByRole('rowheader').getByRole('button');
const total = (page: Page) => page.getByRole('region', { name: '健康服务业项目', exact: true }).getByRole('status').first().textContent();
const detailsTitle = (page: Page) => page.getByRole('complementary', { name: '详情', exact: true }).getByRole('heading', { level: 2 }).textContent();
/** The texts of one column of the rows on the page, by its header. */
async function column(page: Page, header: string): Promise<string[]> {
  const index = (await table(page).getByRole('columnheader').allTextContents()).findIndex((h) => h.startsWith(header));
  return rows(page).evaluateAll((rs, i) => rs.map((r) => (r as HTMLTableRowElement).cells[i]?.textContent ?? ''), index);
}

describe('project browser', () => {
  it('opens a filtered link, downloads exactly that list, follows filters in the URL and selects on the map', async () => {
    expect(example, 'a city plan with medical and traditional-medicine projects').toBeDefined();
    const { page, context, watch } = await open(exampleLink);
    expect(exampleMedical.length).toBeGreaterThan(0);
    // Only the plan's medical projects, with the counts.
    expect(await rowCount(page)).toBe(exampleMedical.length);
    expect(new Set(await column(page, '规划'))).toEqual(new Set([example.regionShort]));
    expect(new Set(await column(page, '类别'))).toEqual(new Set(['医医疗服务']));
    expect((await rowNames(page).allTextContents()).sort()).toEqual(exampleMedical.map((f) => f.properties.name).sort());
    expect(await total(page)).toBe(`${exampleMedical.length} / ${allProjects.length} 个项目`);
    // The plan filter is the plan tree, with its count; the filters set are chips.
    expect(await page.getByLabel('规划', { exact: true }).evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent)).toContain(
      String(exampleMedical.length),
    );
    expect(await page.getByRole('button', { name: `移除筛选：${example.regionShort}` }).isVisible()).toBe(true);

    // The CSV for GIS software (from the project book menu): BOM, field names, one record per listed project.
    await page.getByRole('button', { name: /项目册/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /GIS/ }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^yunnan-health-projects-${example.id}-gis-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const records = parseCsv(text);
    expect(records[0]).toEqual([
      'plan',
      'plan_title',
      'element',
      'name',
      'category',
      'county',
      'functions',
      'investment',
      'investment_unit',
      'precision',
      'lon',
      'lat',
      'source_section',
      'source_quote',
    ]);
    expect(records.length - 1).toBe(await rowCount(page));
    expect(records.slice(1).map((r) => r[3])).toEqual(await rowNames(page).allTextContents());
    expect(records.slice(1).every((r) => r[0] === example.id && r[4] === '医疗服务')).toBe(true);

    await page.screenshot({ path: resolve(shots, 'browser-projects.png') });

    // Changing a filter in the interface changes the link.
    await page.getByRole('button', { name: /^筛选/ }).click();
    await page.getByRole('button', { name: /^中医药\s*\d+$/ }).click();
    await expect.poll(() => decodeURIComponent(new URL(page.url()).hash)).toContain('category=medical,tcm');
    await page.getByRole('combobox', { name: '排序' }).selectOption('name');
    await expect.poll(() => new URL(page.url()).hash).toContain('sort=name');
    await page.getByRole('button', { name: /^筛选/ }).click();
    await page.getByLabel('搜索项目').fill('医院');
    await expect.poll(() => decodeURIComponent(new URL(page.url()).hash)).toContain('q=医院');
    const names = await rowNames(page).allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')));
    expect(await total(page)).toBe(`${names.length} / ${allProjects.length} 个项目`);

    // Choosing a row (from the keyboard) selects it on the map and shows its details.
    const second = rowNames(page).nth(1);
    await second.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => detailsTitle(page)).toBe(names[1]);
    await expect.poll(() => new URL(page.url()).hash).toContain(`feature=${example.id}-`);
    expect(
      await rowNames(page)
        .and(page.getByRole('button', { pressed: true }))
        .textContent(),
    ).toBe(names[1]);
    await page.screenshot({ path: resolve(shots, 'browser-projects-selected.png') });

    // Clearing the filters lists every project again (the list is windowed: the rows in view are in the DOM).
    await page.getByRole('group', { name: '当前筛选', exact: true }).getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => total(page)).toBe(`共 ${allProjects.length} 个项目`);
    expect(await rowCount(page)).toBeGreaterThan(10);
    expect(await rowCount(page)).toBeLessThan(allProjects.length);
    await expect.poll(() => new URL(page.url()).hash).not.toContain('category=');

    expect(watch.errors).toEqual([]);
    expect(watch.external).toEqual([]);
    await context.close();
  });

  it('is usable on a phone: no sideways scrolling, rows reachable and selectable', async () => {
    const { page, context, watch } = await open(exampleLink, { width: 390, height: 844 });
    const overflow = await page.evaluate(() => ({
      doc: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      body: document.body.scrollWidth - document.body.clientWidth,
    }));
    expect(overflow.doc).toBeLessThanOrEqual(0);
    expect(overflow.body).toBeLessThanOrEqual(0);
    // The workspace (a region named by its title) does not scroll sideways, and its table ends inside the screen.
    const list = page.getByRole('region', { name: zh.browser.title, exact: true });
    expect(await list.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    const table = (await list.getByRole('table').boundingBox())!;
    expect(table.x + table.width).toBeLessThanOrEqual(390);
    // The filters beyond the search are folded so the list shows; the toggle opens them.
    const toggle = page.getByRole('button', { name: /^筛选/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.textContent()).toMatch(/1/);
    expect(await rows(page).first().isVisible()).toBe(true);
    const firstBox = (await rows(page).first().boundingBox())!;
    expect(firstBox.y + firstBox.height).toBeLessThanOrEqual(844);
    await page.screenshot({ path: resolve(shots, 'browser-projects-phone.png') });
    await toggle.click();
    await expect.poll(() => page.getByRole('button', { name: /^医疗服务\s*\d+$/ }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: resolve(shots, 'browser-projects-phone-filters.png') });
    await toggle.click();
    // Rows are cards: the name spans the card, its facts below it.
    const name = rowNames(page).first();
    const box = (await name.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await name.scrollIntoViewIfNeeded();
    const title = await name.textContent();
    await name.click();
    await expect.poll(() => detailsTitle(page)).toBe(title);
    await page.screenshot({ path: resolve(shots, 'browser-projects-phone-selected.png') });
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});
