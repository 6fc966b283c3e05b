/**
 * The plan studio, driven as a planner would: correct a Qujing project's point (exact, with its source), save the
 * zip, put its files into a copy of the repository, validate and build there, and find the project at its new point
 * with its source; replace a function by selecting the plan's text; be refused a passage not in the text; add a new
 * plan from a text file; undo and redo.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { sharedChromium, watchPage } from './chromium';
import { axeViolations } from './axe';
import { StudioDriver } from './driver/studio';
import { serveBuild, subPath } from '../../scripts/lib/static-server';

const root = resolve(import.meta.dirname, '../..');
const chromium = sharedChromium();
const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise<void>((done) => s.close(() => done())))));

async function openStudio(hash: string, viewport = { width: 1366, height: 768 }): Promise<{ page: Page; studio: StudioDriver; close: () => Promise<void> }> {
  // bypassCSP lets axe-core be put into the page; the app itself never needs it.
  const context = await chromium().newContext({ viewport, acceptDownloads: true, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${inject('appUrl')}${hash}`);
  // The studio needs the plan, not a finished map frame: its own readiness is the preview compiled.
  const studio = new StudioDriver(page);
  await studio.planShown();
  await studio.open();
  return { page, studio, close: () => context.close() };
}

// A studio test loads the map, the studio and the compiler: minutes on a loaded 2-core machine.
const slow = 420_000;

/** A copy of data/<plan> and its seed, laid out as the repository is (`data/<plan>/…`, `data/seeds/…`). */
function planFolderCopy(plan: string): { dir: string; files: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-folder-'));
  const planYaml = readFileSync(resolve(root, 'data', plan, 'plan.yaml'), 'utf8');
  const seed = /^seed:\s*(\S+)/m.exec(planYaml)?.[1] ?? '';
  const files: Record<string, string> = {
    [`data/${plan}/plan.yaml`]: planYaml,
    [`data/${plan}/places.yaml`]: readFileSync(resolve(root, 'data', plan, 'places.yaml'), 'utf8'),
    [`data/seeds/${seed}`]: readFileSync(resolve(root, 'data/seeds', seed), 'utf8'),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, files };
}

describe('the plan studio', () => {
  it(
    'moves a project to an exact point with its source; the saved files validate, build and show it there',
    async () => {
      const { page, studio, close } = await openStudio('#plan=qujing');
      const watch = watchPage(page, inject('origin'));
      await studio.choose('曲靖市第二人民医院');
      await studio.movePoint(103.796, 25.503, '精确（设施本身）', '测试来源：曲靖市第二人民医院院址（浏览器测试）');
      await expect.poll(() => studio.changes()).toMatch(/1 个点位已移动/);
      expect(await studio.problems()).toEqual([]);
      const download = await studio.saveZip();

      // The zip holds the repository's own files: put them into a copy of the repository, validate and build there.
      const tmp = mkdtempSync(join(tmpdir(), 'atlas-studio-'));
      cpSync(resolve(root, 'data'), join(tmp, 'data'), { recursive: true });
      cpSync(resolve(root, 'dist'), join(tmp, 'dist'), { recursive: true });
      const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
      expect(Object.keys(files)).toEqual(expect.arrayContaining(['data/qujing/plan.yaml', 'data/qujing/places.yaml', 'CHANGES.md']));
      for (const [path, bytes] of Object.entries(files)) {
        mkdirSync(dirname(join(tmp, path)), { recursive: true });
        writeFileSync(join(tmp, path), bytes);
      }
      const env = { ...process.env, ATLAS_DATA: join(tmp, 'data'), ATLAS_PLANS_OUT: join(tmp, 'dist/geo/plans') };
      execFileSync('npx', ['tsx', 'scripts/validate-plans.ts'], { cwd: root, env, stdio: 'pipe' });
      execFileSync('npx', ['tsx', 'scripts/build-plan-layers.ts'], { cwd: root, env, stdio: 'pipe' });
      const layer = JSON.parse(readFileSync(join(tmp, 'dist/geo/plans/qujing.geojson'), 'utf8')) as GeoJSON.FeatureCollection;
      const moved = layer.features.find((f) => f.properties?.name === '曲靖市第二人民医院');
      expect(moved?.geometry).toEqual({ type: 'Point', coordinates: [103.796, 25.503] });
      expect(moved?.properties?.precision).toBe('exact');

      // The rebuilt atlas shows it there, exact, with the source of its point in the details.
      const { server, origin } = await serveBuild(join(tmp, 'dist'));
      servers.push(server);
      await page.goto(`${origin}${subPath}#plan=qujing&feature=${moved?.properties?.id}`);
      const details = page.getByRole('complementary', { name: '详情' });
      await expect.poll(() => details.innerText()).toContain('精确');
      expect(await details.innerText()).toContain('测试来源：曲靖市第二人民医院院址（浏览器测试）');
      expect(watch.errors).toEqual([]);
      await close();
    },
    slow,
  );

  it(
    'replaces a function with a passage selected in the plan’s text, and undoes and redoes it',
    async () => {
      const { page, studio, close } = await openStudio('#plan=qujing');
      await studio.choose('陆良县');
      // The first function as its row shows it: the plan's words, then the row's buttons.
      const first = async () => (await studio.listItems('功能'))[0] ?? '';
      const before = await first();
      await studio.selectWithMouse('打造爨乡绿色食疗养生福地');
      await expect.poll(() => studio.seedStatus()).toContain('打造爨乡绿色食疗养生福地');
      await studio.pane.getByRole('button', { name: '用所选原文替换第 1 条功能' }).click();
      await expect.poll(first).toMatch(/^打造爨乡绿色食疗养生福地/);
      await expect.poll(() => studio.changes()).toMatch(/1 条/);

      await studio.undo();
      await expect.poll(first).toBe(before);
      await page.keyboard.press('Control+Shift+Z');
      await expect.poll(first).toMatch(/^打造爨乡绿色食疗养生福地/);
      // A click on the page's margin, away from any control, so the keys go to the page.
      await page.mouse.click(5, 300);
      await page.keyboard.press('Control+Z');
      await expect.poll(first).toBe(before);
      await studio.redo();
      await expect.poll(first).toMatch(/^打造爨乡绿色食疗养生福地/);
      await close();
    },
    slow,
  );

  it(
    'refuses words that are not in the plan’s text, and says why; the studio passes axe',
    async () => {
      const { page, studio, close } = await openStudio('#plan=qujing');
      await studio.choose('陆良县');
      await studio.find('陆良县建设世界一流的国际康养中心');
      await expect.poll(() => studio.seedStatus()).toContain('不在本规划原文中，不能使用');
      expect(await studio.pane.getByRole('button', { name: '用所选原文替换第 1 条功能' }).isDisabled()).toBe(true);
      expect(await studio.changes()).toMatch(/没有修改/);
      expect(await axeViolations(page)).toEqual([]);
      await close();
    },
    slow,
  );

  it(
    'offers unsaved work back after a reload, and restores the change',
    async () => {
      const { page, studio, close } = await openStudio('#plan=qujing');
      page.on('dialog', (dialog) => void dialog.accept()); // leaving with unsaved changes asks first
      await studio.choose('曲靖市第二人民医院');
      await studio.movePoint(103.796, 25.503, '精确（设施本身）', '测试来源：恢复测试');
      await expect.poll(() => studio.changes()).toMatch(/1 个点位已移动/);
      await page.reload();
      await studio.restoreDraft();
      await expect.poll(() => studio.changes()).toMatch(/1 个点位已移动/);
      await studio.choose('曲靖市第二人民医院');
      expect(await studio.point()).toEqual([103.796, 25.503]);
      await close();
    },
    slow,
  );

  it(
    'opens a plan from a folder picked with the folder input',
    async () => {
      const { studio, close } = await openStudio('#plan=lincang');
      const { dir } = planFolderCopy('qujing');
      await studio.openFolderFiles(dir);
      await expect.poll(() => studio.title()).toContain('来自本机文件夹');
      expect(await studio.title()).toContain('曲靖');
      await studio.choose('曲靖市第二人民医院');
      expect(await studio.problems()).toEqual([]);
      await close();
    },
    slow,
  );

  it(
    'writes a moved point back into the folder it opened (the File System Access API)',
    async () => {
      const context = await chromium().newContext({ viewport: { width: 1366, height: 768 } });
      // The folder picker gives the page's own private file system, seeded with the plan's files.
      await context.addInitScript((files: Record<string, string>) => {
        (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () => {
          const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('atlas-test', { create: true });
          for (const [path, text] of Object.entries(files)) {
            const parts = path.split('/');
            let at = dir;
            for (const part of parts.slice(0, -1)) at = await at.getDirectoryHandle(part, { create: true });
            const writable = await (await at.getFileHandle(parts.at(-1) ?? '', { create: true })).createWritable();
            await writable.write(text);
            await writable.close();
          }
          return dir;
        };
      }, planFolderCopy('qujing').files);
      const page = await context.newPage();
      await page.goto(`${inject('appUrl')}#plan=qujing`);
      const studio = new StudioDriver(page);
      await studio.planShown();
      await studio.open();
      await studio.openFolder();
      await expect.poll(() => studio.title()).toContain('来自本机文件夹');
      await studio.choose('曲靖市第二人民医院');
      await studio.movePoint(103.796, 25.503, '精确（设施本身）', '测试来源：写回测试');
      await expect.poll(() => studio.changes()).toMatch(/1 个点位已移动/);
      expect(await studio.problems()).toEqual([]);
      expect(await studio.writeBack('atlas-test')).toContain('places.yaml');
      const written = await page.evaluate(async () => {
        const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('atlas-test');
        const data = await (await dir.getDirectoryHandle('data')).getDirectoryHandle('qujing');
        return (await (await data.getFileHandle('places.yaml')).getFile()).text();
      });
      expect(written).toMatch(/lon: 103\.796\n\s+lat: 25\.503\n/);
      expect(written).toContain('测试来源：写回测试');
      await context.close();
    },
    slow,
  );

  it(
    'adds a new plan from its text: it appears under its parent in the plan menu, on the map, in search and in the project list',
    async () => {
      const { page, studio, close } = await openStudio('#plan=lincang');
      await studio.pane.getByRole('button', { name: '新建规划…' }).click();
      await studio.pane.getByLabel(/或打开文本文件/).setInputFiles(resolve(root, 'test/fixtures/studio/new-plan.txt'));
      await studio.pane.getByLabel(/规划编号/).fill('gengma-studio-test');
      await studio.pane.getByLabel('级别').selectOption('county');
      await studio.pane.getByLabel('所属行政区').selectOption('530926');
      await studio.pane.getByLabel('上级规划').selectOption('lincang');
      await expect.poll(() => studio.pane.getByText('一园两带').count()).toBeGreaterThan(0);
      await studio.pane.getByLabel('这是本规划的空间布局表述').check();
      await studio.pane.getByRole('button', { name: '创建规划' }).click();

      // A zone and a project, named by passages of the text.
      await studio.find('孟定边境康养园');
      await studio.pane.getByText('添加要素或项目').click();
      await studio.pane.getByLabel(/^编号/).fill('mengding');
      await studio.pane.getByRole('button', { name: '添加要素' }).click();
      await studio.find('孟定国门医院');
      await studio.pane.getByLabel('类型').selectOption('project');
      await studio.pane.getByLabel(/^编号/).fill('mengding-border-hospital');
      await studio.pane.getByLabel('县（市、区）').last().selectOption('530926');
      await studio.pane.getByRole('button', { name: '添加项目' }).click();
      expect(await studio.problems()).toEqual([]);

      await studio.mapShows('gengma-studio-test');
      await page.getByRole('button', { name: /^规划/ }).click();
      await page.getByRole('combobox', { name: /筛选规划/ }).fill('耿马');
      await expect
        .poll(() => page.getByRole('treeitem').allTextContents())
        .toEqual([expect.stringContaining('云南省'), expect.stringContaining('临沧市'), expect.stringContaining('耿马')]);
      await page.keyboard.press('Escape');

      // The atlas's search (the hosted build's sharded index) finds its project, and the project list has it.
      await studio.searchAtlas('孟定国门医院');
      await expect.poll(() => studio.searchResults(), { timeout: 30_000 }).toContainEqual(expect.stringContaining('孟定国门医院'));
      await page.keyboard.press('Escape');
      const list = await studio.projectList();
      await expect.poll(() => list.innerText(), { timeout: 30_000 }).toContain('孟定国门医院');
      await close();
    },
    slow,
  );
});
