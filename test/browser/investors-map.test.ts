/**
 * What an investor at a 1366×768 laptop sees on the map: the 入选 tab draws only the shortlist, the compare dialog
 * closes on Escape every time (also with a project selected) and leaves the page clickable, and a project the plan
 * places only to its county is framed with its county and says so; the map's discs count what the filters leave.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { sharedChromium } from './chromium';
import { Atlas } from './driver/atlas';
import { publishedProjects } from './published-projects';

const server = { appUrl: inject('appUrl'), origin: inject('origin') };
const shots = resolve(import.meta.dirname, '../../test-results/screenshots');
mkdirSync(shots, { recursive: true });

const projects = publishedProjects<{
  id: string;
  plan: string;
  name: string;
  precision: string;
  category: string;
  counties: string[];
  lon: number;
  lat: number;
}>();
const nameCount = (name: string) => projects.filter((p) => p.name === name).length;
// A project the plan places only to one county (not a prefecture), with a name no other project has.
const countyProject = projects.find((p) => p.precision === 'county' && p.counties.length === 1 && !p.counties[0]!.endsWith('00') && nameCount(p.name) === 1)!;
const three = projects.filter((p) => nameCount(p.name) === 1).slice(0, 3);

const browser = sharedChromium();

async function open(hash: string) {
  const atlas = await Atlas.open(browser(), server, { hash, viewport: { width: 1366, height: 768 }, waitForMap: false });
  const { page } = atlas;
  await page.getByRole('heading', { name: '健康服务业项目' }).waitFor({ timeout: 30_000 });
  await atlas.settle();
  return { atlas, page, context: atlas.context, watch: atlas.watch };
}

/** Waits as long as a loaded machine may need (never a timing assertion). */
const slow = { timeout: 30_000 };

describe('the map follows the 入选 tab', () => {
  it('draws only the shortlisted projects while the shortlist is shown, and every project again after', async () => {
    const { atlas, page, context, watch } = await open(`#view=projects&shortlist=${three.map((p) => p.id).join(',')}`);
    await expect.poll(() => atlas.drawnProjects(), slow).toBe(String(projects.length));
    await page.getByRole('button', { name: /入选 3/ }).click();
    await expect.poll(() => atlas.drawnProjects(), slow).toBe('3');
    // The link says which tab is shown, so a reload (or a colleague) sees the same map.
    await expect.poll(() => new URL(page.url()).hash, slow).toContain('list=shortlist');
    await page.screenshot({ path: resolve(shots, 'investors-shortlist-map.png') });
    await page.getByRole('button', { name: '全部', exact: true }).click();
    await expect.poll(() => atlas.drawnProjects(), slow).toBe(String(projects.length));
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});

describe('the compare dialog', () => {
  it('closes on Escape every time, only the dialog (the selection under it stays), and the page takes clicks after', async () => {
    const { page, context, watch } = await open(`#view=projects&list=shortlist&shortlist=${three.map((p) => p.id).join(',')}`);
    const dialog = page.getByRole('dialog', { name: '入选项目对比' });
    for (const p of three) {
      // A project selected under the dialog: the details' own Escape handler runs on the same key.
      await page.getByRole('button', { name: p.name, exact: true }).first().click();
      await page.getByRole('heading', { name: p.name, level: 2 }).waitFor();
      await page.getByRole('button', { name: '并排对比' }).click();
      await dialog.waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count(), slow).toBe(0);
      // Escape closes the dialog only: the project chosen under it stays selected, its details open.
      expect(await page.getByRole('heading', { name: p.name, level: 2 }).isVisible()).toBe(true);
    }
    // Nothing left over the page: the tab under where the backdrop was is the element at its own centre, and takes a click.
    const tab = page.getByRole('button', { name: '全部', exact: true });
    const box = (await tab.boundingBox())!;
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.textContent, [box.x + box.width / 2, box.y + box.height / 2]);
    expect(hit).toBe('全部');
    await tab.click();
    await expect.poll(() => tab.getAttribute('aria-pressed'), slow).toBe('true');
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});

describe('a project placed only to its county', () => {
  it('is framed with its county, not on a pin, and its details say the place is approximate', async () => {
    const { atlas, page, context, watch } = await open(`#view=projects&q=${encodeURIComponent(countyProject.name)}`);
    await expect.poll(() => atlas.drawnProjects(), slow).toBe('1');
    await page.getByRole('button', { name: countyProject.name, exact: true }).first().click();
    await page.getByRole('heading', { name: countyProject.name, level: 2 }).waitFor();
    await expect.poll(() => page.getByText('位置近似：县城驻地', { exact: true }).first().isVisible(), slow).toBe(true);
    await expect.poll(() => page.getByText(/点位标在县城驻地，地图上圈出所在县/).isVisible(), slow).toBe(true);
    await atlas.settle();
    await expect.poll(async () => (await atlas.bounds())[2]! - (await atlas.bounds())[0]!, slow).toBeGreaterThan(0.3);
    const [w, s, e, n] = await atlas.bounds();
    // County scale: a county is some 30–100 km across; the old 5 km frame spanned under 0.15° at this size.
    expect(e! - w!).toBeGreaterThan(0.3);
    expect(e! - w!).toBeLessThan(3);
    expect(countyProject.lon).toBeGreaterThan(w!);
    expect(countyProject.lon).toBeLessThan(e!);
    expect(countyProject.lat).toBeGreaterThan(s!);
    expect(countyProject.lat).toBeLessThan(n!);
    // The county is drawn: its outline layer holds exactly the project's county.
    expect(await atlas.approxArea()).toBe(countyProject.counties.join(','));
    await page.screenshot({ path: resolve(shots, 'investors-approximate.png') });
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});

describe('the map counts what the filters leave', () => {
  /** The counts of the discs the screen-reader list says the map shows ("12 个项目（聚合，点击放大）"), each count once. */
  const discCounts = async (atlas: Atlas) => (await atlas.visibleNames()).flatMap((n) => /^(\d+) 个项目（聚合/.exec(n)?.[1] ?? []).map(Number);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const medical = projects.filter((p) => p.category === 'medical').length;

  it('redraws the discs at province scale for a category: they hold only its projects', async () => {
    const { atlas, page, context, watch } = await open('#view=projects');
    await expect.poll(() => atlas.drawnProjects(), slow).toBe(String(projects.length));
    // At province scale every project is in a disc or on its own point; the discs hold more than the category has.
    await expect.poll(async () => sum(await discCounts(atlas)), slow).toBeGreaterThan(medical);
    await page.getByRole('button', { name: /^筛选/ }).click();
    await page.getByRole('button', { name: /^医疗服务\s*\d+$/ }).click();
    await expect.poll(() => atlas.drawnProjects(), slow).toBe(String(medical));
    // The discs are the category's now: together (each count once) no more than its projects, and still there.
    await expect.poll(async () => sum(await discCounts(atlas)), slow).toBeLessThanOrEqual(medical);
    expect((await discCounts(atlas)).length).toBeGreaterThan(0);
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});
