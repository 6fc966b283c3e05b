/**
 * dist/atlas-offline.html opened from disk (file://) with every network request blocked, as from a USB stick in a
 * meeting room: the map, the plans, search, presentation and PNG export all work, and nothing leaves the file.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sharedChromium } from './chromium';
import { Atlas } from './driver/atlas';
import { ProjectList } from './driver/list';
import { Presentation } from './driver/present';
import { distinctColors } from './pixels';

const file = resolve(import.meta.dirname, '../../dist/atlas-offline.html');
const fileUrl = pathToFileURL(file).href;
const shots = resolve(import.meta.dirname, '../../test-results/screenshots');
mkdirSync(shots, { recursive: true });

const chromium = sharedChromium();
/** The file as its own origin: every request to anything but the file, data: or blob: is refused and recorded. */
const server = { appUrl: fileUrl, origin: 'file:' };

const open = (hash = '', { viewport = { width: 1280, height: 720 }, waitForMap = true } = {}) =>
  Atlas.open(chromium(), server, { hash, viewport, waitForMap, offline: true });

function expectClean(atlas: Atlas) {
  expect(atlas.watch.external).toEqual([]);
  expect(atlas.watch.errors).toEqual([]);
  expect(atlas.watch.consoleErrors).toEqual([]);
}

describe('the single file (dist/atlas-offline.html)', () => {
  it('is one self-contained page with a CSP that lets nothing leave it', () => {
    expect(existsSync(file), 'npm run build (or the browser tests’ global setup) writes it').toBe(true);
    const html = readFileSync(file, 'utf8');
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name!, values]),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')?.every((v) => /^'sha256-[A-Za-z0-9+/=]+'$/.test(v))).toBe(true);
    expect(directives.get('worker-src')).toEqual(['blob:', 'data:']);
    for (const d of ['img-src', 'connect-src']) {
      expect(directives.get(d)?.filter((v) => v.startsWith('http'))).toEqual(['https://tile.openstreetmap.org', 'https://*.tianditu.gov.cn']);
    }
    expect(csp).not.toMatch(/'self'|'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
    // One inline script, one stylesheet, the data; nothing in the code ends its element early.
    expect(html).toMatch(/<script type="application\/json" id="atlas-files">\{"geo\/base\//);
    const markup = html
      .replace(/(<script type="module">)[\s\S]*?(<\/script>)/, '$1$2')
      .replace(/(<script type="application\/json" id="atlas-files">)[\s\S]*?(<\/script>)/, '$1$2')
      .replace(/(<style>)[\s\S]*?(<\/style>)/g, '$1$2');
    expect(markup.length).toBeLessThan(3000);
    // The app's script and the data.
    expect(markup.match(/<script\b/g)).toHaveLength(2);
    expect(markup.match(/<style\b/g)).toHaveLength(1);
    // No file beside it: no script, stylesheet or other file to load.
    expect(markup.match(/\b(?:src|href)="[^"]*"/g)).toEqual(['href="data:,"']);
  });

  it('draws the province, shows its plan, switches plan from the menu and finds 曲靖 by search', async () => {
    const atlas = await open();
    const box = await atlas.mapBox();
    expect(await distinctColors(atlas.page, { x: box.x + 50, y: box.y + 50, width: box.width - 100, height: box.height - 100 })).toBeGreaterThan(200);
    await expect.poll(() => atlas.panelHeading().textContent()).toBe('云南省“十四五”健康服务业发展规划');
    expect(await atlas.visibleNames()).toContain('昆明');
    await atlas.page.screenshot({ path: resolve(shots, 'offline-file-1280x720.png') });

    await atlas.openPlan('曲靖');
    await expect.poll(() => atlas.panelHeading().textContent()).toBe('曲靖市“十四五”健康服务业发展规划');
    expect(atlas.hash('plan')).toBe('qujing');
    await expect.poll(() => atlas.planShown(), { timeout: 30_000 }).toBe('qujing');

    await atlas.searchBox().fill('曲靖');
    const results = atlas.searchResults();
    await expect.poll(() => results.getByRole('option').count()).toBeGreaterThan(0);
    expect((await results.getByRole('option').allTextContents()).some((t) => t.includes('曲靖'))).toBe(true);
    // Plans come first (found by name); the first element or project below them opens its details.
    const groups = results.getByRole('group');
    expect(await groups.first().getAttribute('aria-label')).toBe(atlas.t.plans);
    await groups.nth(1).getByRole('option').first().click();
    await expect.poll(() => atlas.detailsTitle()).toContain('曲靖');
    expectClean(atlas);
    await atlas.close();
  });

  it('opens a plan by deep link', async () => {
    const atlas = await open('#plan=qujing');
    await expect.poll(() => atlas.panelHeading().textContent()).toBe('曲靖市“十四五”健康服务业发展规划');
    expectClean(atlas);
    await atlas.close();
  });

  it('opens a presentation slide from a deep link', async () => {
    const atlas = await open('#plan=yunnan&present=1&chapter=3');
    const present = new Presentation(atlas);
    await expect.poll(() => present.title(), { timeout: 20_000 }).toBeTruthy();
    expect(await present.number()).toBe(3);
    // The atlas's own top bar (plan menu, search …) gives the screen to the slide.
    expect(await atlas.page.getByRole('banner').count()).toBe(0);
    // A clicker press goes through the slide's steps, then to the next slide.
    for (let i = 0; i < 8 && (await present.number()) !== 4; i++) await present.press('ArrowRight');
    await expect.poll(() => present.number()).toBe(4);
    await atlas.page.screenshot({ path: resolve(shots, 'offline-file-present.png') });
    expectClean(atlas);
    await atlas.close();
  });

  it('lists the projects with filters from a link', async () => {
    const layer = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/geo/plans/qujing.geojson'), 'utf8')) as {
      features: { properties: { role: string; category?: string } }[];
    };
    const medical = layer.features.filter((f) => f.properties.role === 'project' && f.properties.category === 'medical').length;
    expect(medical).toBeGreaterThan(0);
    const atlas = await open('#view=projects&plan=qujing&category=medical', { waitForMap: false });
    const list = new ProjectList(atlas);
    await list.loaded();
    await expect.poll(() => list.rows().count()).toBe(medical);
    expectClean(atlas);
    await atlas.close();
  });

  it('downloads the project list as an Excel workbook', async () => {
    const atlas = await open('#view=projects&plan=qujing&category=medical', { waitForMap: false });
    const list = new ProjectList(atlas);
    await list.loaded();
    const [download] = await Promise.all([atlas.page.waitForEvent('download', { timeout: 60_000 }), list.chooseDownload(atlas.t.browser.formats.xlsx.name)]);
    expect(download.suggestedFilename()).toMatch(/^yunnan-health-projects-qujing-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const saved = resolve(shots, 'offline-file-export.xlsx');
    await download.saveAs(saved);
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    expect(workbook.getWorksheet('项目')!.rowCount).toBeGreaterThan(1);
    expectClean(atlas);
    await atlas.close();
  });

  it('exports the map as a PNG', async () => {
    const atlas = await open('#plan=qujing');
    const { page } = atlas;
    await page.getByRole('button', { name: /^导出/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: /导出 PNG/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^qujing-layout-\d{4}-\d{2}-\d{2}\.png$/);
    const saved = resolve(shots, 'offline-file-export.png');
    await download.saveAs(saved);
    const bytes = readFileSync(saved);
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(1600);
    expectClean(atlas);
    await atlas.close();
  });

  it('presents the province plan to the end with a clicker: every slide drawn, with a legend, its caption fitting, key projects named', async () => {
    const atlas = await open('#plan=yunnan&present=1');
    const { page } = atlas;
    const present = new Presentation(atlas);
    const projectNames = await page.evaluate(async () => {
      const file = JSON.parse(document.getElementById('atlas-files')?.textContent ?? '{}') as Record<
        string,
        { features: { properties: { role: string; name: string } }[] }
      >;
      return (file['geo/plans/yunnan.geojson']?.features ?? []).filter((f) => f.properties.role === 'project').map((f) => f.properties.name);
    });
    expect(projectNames.length).toBeGreaterThan(10);
    const seen = new Set<string>();
    let keyProjectSteps = 0;
    for (let press = 0; press < 120; press++) {
      const hash = new URLSearchParams(new URL(page.url()).hash.slice(1));
      const at = `${hash.get('chapter') ?? '0'}.${hash.get('step') ?? '0'}`;
      if (seen.has(at)) break; // the last step: the clicker no longer moves
      seen.add(at);
      await expect.poll(() => present.title()).toBeTruthy();
      if (!(await present.isIndicators())) {
        expect(await present.cardFits(), `slide ${at}: the caption card overflows`).toBe(true);
        expect(await present.legend().isVisible(), `slide ${at}: legend`).toBe(true);
      }
      if (hash.get('step') === null || hash.get('step') === '0') {
        const box = await atlas.mapBox();
        expect(
          await distinctColors(page, { x: box.x + box.width * 0.4, y: box.y + 100, width: box.width * 0.4, height: box.height - 200 }),
          `slide ${at}: map`,
        ).toBeGreaterThan(50);
      }
      const names = await present.keyProjects();
      if (names.length) {
        keyProjectSteps += 1;
        // A name that needs its place carries it (州人民医院 → 大理州人民医院): the plan's name ends the shown one.
        for (const n of names)
          expect(
            projectNames.some((p) => n === p || n.endsWith(p)),
            `${n} is a project of the plan`,
          ).toBe(true);
        // The key project is marked and named on the map itself.
        await expect.poll(() => atlas.visibleNames(), { timeout: 10_000 }).toEqual(expect.arrayContaining([names[0]]));
      }
      await present.press('ArrowRight');
      await page.waitForTimeout(150);
    }
    expect(keyProjectSteps).toBeGreaterThan(2);
    expect(await present.title()).toBe(atlas.t.indicators);
    expect(seen.size).toBeGreaterThan(20);
    expectClean(atlas);
    await atlas.close();
  }, 240_000);
});
