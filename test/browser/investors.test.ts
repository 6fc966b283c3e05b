/**
 * The investors' workspace in real Chromium: filters drive what the map draws and frames, a dense list at
 * 1366×768, the selected marker kept clear of the details card, a shortlist that survives a reload, the Excel
 * workbook read back, and the printed project book.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { sharedChromium } from './chromium';
import { Atlas } from './driver/atlas';
import { ProjectList } from './driver/list';
import { publishedProjects } from './published-projects';

const server = { appUrl: inject('appUrl'), origin: inject('origin') };
const shots = resolve(import.meta.dirname, '../../test-results/screenshots');
mkdirSync(shots, { recursive: true });

const projects = publishedProjects<{ id: string; plan: string; name: string; category: string; lon: number; lat: number }>();
const catalogue = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/geo/plans/catalogue.json'), 'utf8')) as {
  plans: { id: string; level: string; bbox: [number, number, number, number] }[];
};
// A city plan (not the root), to filter on: the one with the most projects.
const city = catalogue.plans
  .filter((p) => p.level === 'city')
  .map((p) => ({ ...p, n: projects.filter((x) => x.plan === p.id).length }))
  .sort((a, b) => b.n - a.n)[0]!;
const cityProjects = projects.filter((p) => p.plan === city.id);

const chromium = sharedChromium();

/** The atlas at `hash` on a 1366×768 laptop, with the project list loaded. */
async function open(hash: string, viewport = { width: 1366, height: 768 }): Promise<{ atlas: Atlas; list: ProjectList }> {
  const atlas = await Atlas.open(chromium(), server, { hash, viewport });
  const list = new ProjectList(atlas);
  await list.loaded();
  await atlas.settle();
  return { atlas, list };
}

const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

describe('investors’ workspace', () => {
  it('draws and frames exactly the filtered projects; count, list and map agree', async () => {
    const { atlas, list } = await open('#view=projects');
    const b = atlas.t.browser;
    await expect.poll(() => atlas.drawnProjects()).toBe(String(projects.length));
    expect(await list.count()).toBe(projects.length);

    // Choosing the city plan in the plan filter: the map holds its projects only, and frames them.
    const before = await atlas.bounds();
    await list.filterPlan(city.id);
    await expect.poll(() => atlas.drawnProjects()).toBe(String(cityProjects.length));
    expect(await list.count()).toBe(cityProjects.length);
    // The plan menu shows the same plan.
    await expect.poll(() => atlas.planShown(), { timeout: 30_000 }).toBe(city.id);
    await expect.poll(async () => (await atlas.bounds()).join(), { timeout: 20_000 }).not.toBe(before.join());
    await atlas.settle();
    const [w, s, e, n] = await atlas.bounds();
    const lons = cityProjects.map((p) => p.lon);
    const lats = cityProjects.map((p) => p.lat);
    // Every filtered project is in the frame, and the frame is the city's scale, not the province's.
    expect(Math.min(...lons)).toBeGreaterThanOrEqual(w!);
    expect(Math.max(...lons)).toBeLessThanOrEqual(e!);
    expect(Math.min(...lats)).toBeGreaterThanOrEqual(s!);
    expect(Math.max(...lats)).toBeLessThanOrEqual(n!);
    expect(e! - w!).toBeLessThan((before[2]! - before[0]!) * 0.6);
    await atlas.page.screenshot({ path: resolve(shots, 'investors-filtered-map.png') });

    // A category on top (from the filter panel): fewer projects, and the map follows.
    await list.toggleMoreFilters();
    const medical = cityProjects.filter((p) => p.category === 'medical');
    await list.filterCategory(atlas.t.categoryNames.medical);
    await expect.poll(() => atlas.drawnProjects()).toBe(String(medical.length));
    expect(await list.count()).toBe(medical.length);
    expect(
      await list
        .root()
        .getByRole('button', { name: b.removeFilter(atlas.t.categoryNames.medical), exact: true })
        .isVisible(),
    ).toBe(true);
    expect(atlas.watch.errors).toEqual([]);
    expect(atlas.watch.external).toEqual([]);
    await atlas.close();
  });

  it('shows at least 10 rows at 1366×768 with filters set, and keeps the DOM small', async () => {
    const { atlas, list } = await open('#view=projects&category=medical,tcm');
    expect(await list.activeFilters().count()).toBe(2);
    expect(await list.rowsInView()).toBeGreaterThanOrEqual(10);
    // Windowed: the whole list is not in the DOM.
    await list.clearFilters();
    await expect.poll(() => list.count()).toBe(projects.length);
    expect(await list.rows().count()).toBeLessThan(60);
    await atlas.page.screenshot({ path: resolve(shots, 'investors-list-1366.png') });
    expect(atlas.watch.errors).toEqual([]);
    await atlas.close();
  });

  it('keeps the selected project’s marker clear of the details card', async () => {
    const { atlas, list } = await open(`#view=projects&plan=${city.id}`);
    const id = (await list.ids())[3]!;
    const p = projects.find((x) => x.id === id)!;
    const before = (await atlas.bounds()).join();
    await list.chooseRow(3);
    await expect.poll(() => atlas.detailsTitle()).toBe(p.name);
    await expect.poll(async () => (await atlas.bounds()).join(), { timeout: 20_000 }).not.toBe(before);
    await atlas.settle();
    const [w, s, e, n] = await atlas.bounds();
    const map = await atlas.mapBox();
    const x = map.x + ((p.lon - w!) / (e! - w!)) * map.width;
    const y = map.y + ((mercY(n!) - mercY(p.lat)) / (mercY(n!) - mercY(s!))) * map.height;
    const card = (await atlas.details().boundingBox())!;
    expect(x).toBeGreaterThan(map.x);
    expect(x).toBeLessThan(map.x + map.width);
    const underCard = x >= card.x && x <= card.x + card.width && y >= card.y && y <= card.y + card.height;
    expect(underCard).toBe(false);
    await atlas.page.screenshot({ path: resolve(shots, 'investors-selected.png') });
    expect(atlas.watch.errors).toEqual([]);
    await atlas.close();
  });

  it('keeps a shortlist across a reload and compares it side by side', async () => {
    const { atlas, list } = await open(`#view=projects&plan=${city.id}`);
    const b = atlas.t.browser;
    const shown = await list.ids();
    const ids = [shown[0]!, shown[2]!];
    await list.shortlistRow(0);
    await list.shortlistRow(2);
    await expect.poll(() => new URL(atlas.page.url()).hash).toContain(`shortlist=${ids.join(',')}`);
    await atlas.page.reload();
    await list.loaded();
    await list.showShortlist(2);
    await expect.poll(() => list.ids()).toEqual(ids);
    const dialog = await list.compare();
    const names = ids.map((id) => projects.find((p) => p.id === id)!.name);
    // One column per project, named by a button that shows it on the map (the star beside it is pressed).
    expect(await dialog.getByRole('columnheader').getByRole('button', { pressed: false }).allTextContents()).toEqual(names);
    for (const label of [b.rowPlan, b.rowElement, b.rowCategory, b.rowCounty, b.rowInvestment, b.rowPrecision, b.rowQuote]) {
      expect(await dialog.getByRole('rowheader', { name: label, exact: true }).count()).toBe(1);
    }
    await atlas.page.screenshot({ path: resolve(shots, 'investors-compare.png') });
    await atlas.page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(atlas.watch.errors).toEqual([]);
    await atlas.close();
  });

  it('downloads the filtered list as an Excel workbook with the Chinese intact', async () => {
    const { atlas, list } = await open(`#view=projects&plan=${city.id}&category=medical`);
    const listed = cityProjects.filter((p) => p.category === 'medical');
    const [download] = await Promise.all([atlas.page.waitForEvent('download'), list.chooseDownload(atlas.t.browser.formats.xlsx.name)]);
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
    expect(atlas.watch.errors).toEqual([]);
    await atlas.close();
  });

  it('prints the project book: one block per project, with the plan’s words and a locator map', async () => {
    const { atlas, list } = await open(`#view=projects&plan=${city.id}&category=medical`);
    const b = atlas.t.browser;
    const listed = cityProjects.filter((p) => p.category === 'medical');
    await list.chooseDownload(b.formats.book.name);
    const book = list.book();
    // Ready when its print button is enabled (it waits for the locator maps).
    await expect.poll(() => book.getByRole('button', { name: b.reportPrint, exact: true }).isEnabled(), { timeout: 30_000 }).toBe(true);
    const entries = book.getByRole('article');
    expect(await entries.count()).toBe(listed.length);
    expect(await entries.getByRole('img', { name: new RegExp(`${b.reportLocator('')}$`) }).count()).toBe(listed.length);
    expect(
      await entries
        .first()
        .getByRole('blockquote')
        .getByText(new RegExp(`^${b.sourceLabel}：`))
        .count(),
    ).toBe(1);
    await atlas.page.screenshot({ path: resolve(shots, 'investors-book.png') });
    await atlas.page.emulateMedia({ media: 'print' });
    // Printed, the book is alone on the page: no map, no toolbar.
    expect(await atlas.map().isVisible()).toBe(false);
    expect(await book.getByRole('button', { name: b.reportClose, exact: true }).isVisible()).toBe(false);
    expect(await entries.first().isVisible()).toBe(true);
    const pdf = await atlas.page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    await atlas.page.emulateMedia({ media: 'screen' });
    await book.getByRole('button', { name: b.reportClose, exact: true }).click();
    await expect.poll(() => book.count()).toBe(0);
    expect(atlas.watch.errors).toEqual([]);
    expect(atlas.watch.external).toEqual([]);
    await atlas.close();
  });

  it('lists the projects that share a county seat instead of fanning them out', async () => {
    // A plan whose projects share a point: the details of one list the others at that point.
    const shared = projects.filter((p) => projects.some((q) => q !== p && q.plan === p.plan && q.lon === p.lon && q.lat === p.lat));
    const target = shared[0]!;
    const others = shared.filter((q) => q.plan === target.plan && q.lon === target.lon && q.lat === target.lat && q !== target);
    const atlas = await Atlas.open(chromium(), server, { hash: `#plan=${target.plan}&feature=${target.id}`, viewport: { width: 1366, height: 768 } });
    const samePlace = atlas.details().getByRole('region', { name: atlas.t.browser.samePlace(others.length), exact: true });
    await samePlace.waitFor();
    expect((await samePlace.getByRole('listitem').allTextContents()).sort()).toEqual(others.map((o) => o.name).sort());
    await atlas.close();
  });
});
