/**
 * A planner adds a plan without a programmer: a new folder under data/, `npm run build:data`, and the built
 * atlas shows it in the plan menu, on the map, in search and in the project list. No code is touched: the
 * fixture plan is built into a copy of the published files.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedChromium } from './chromium';
import { Atlas } from './driver/atlas';
import { ProjectList } from './driver/list';
import { serveBuild, subPath } from '../../scripts/lib/static-server';

const root = resolve(import.meta.dirname, '../..');
const chromium = sharedChromium();
let server: Server;
let appUrl = '';
let origin = '';

/** Copies a real plan folder as a new county plan: another id, another county, nested under Lincang. */
function addPlan(data: string): void {
  cpSync(join(data, 'shuangjiang'), join(data, 'gengma-test'), { recursive: true });
  const file = join(data, 'gengma-test/plan.yaml');
  const text = readFileSync(file, 'utf8')
    .replace(/^id: .*$/m, 'id: gengma-test')
    .replace(/^title: .*$/m, 'title: 耿马自治县健康服务业测试规划')
    .replace(/^titleEn: .*$/m, 'titleEn: Gengma County test plan')
    .replace(/^region: .*$/m, 'region: { code: "530926", name: 耿马傣族佤族自治县 }')
    .replace(/^parent: .*$/m, 'parent: { plan: lincang }')
    .replace(/^ {2}color: .*$/m, '  order: 2');
  writeFileSync(file, text);
}

beforeAll(() => {
  const tmp = mkdtempSync(join(tmpdir(), 'atlas-new-plan-'));
  cpSync(resolve(root, 'data'), join(tmp, 'data'), { recursive: true });
  addPlan(join(tmp, 'data'));
  cpSync(resolve(root, 'dist'), join(tmp, 'dist'), { recursive: true });
  execFileSync('npx', ['tsx', 'scripts/build-plan-layers.ts'], {
    cwd: root,
    stdio: 'pipe',
    env: { ...process.env, ATLAS_DATA: join(tmp, 'data'), ATLAS_PLANS_OUT: join(tmp, 'dist/geo/plans') },
  });
  return serveBuild(join(tmp, 'dist')).then((s) => {
    server = s.server;
    origin = s.origin;
    appUrl = `${s.origin}${subPath}`;
  });
}, 120_000);
afterAll(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

describe('a plan added as a folder', () => {
  it('appears in the plan menu, on the map, in search and in the project list', async () => {
    const atlas = await Atlas.open(chromium(), { appUrl, origin }, { viewport: { width: 1366, height: 768 } });
    const { page } = atlas;

    // The plan menu: found by typing its place, in its branch under Lincang.
    await atlas.planButton().click();
    await page.getByRole('combobox', { name: atlas.t.planFilter, exact: true }).fill('耿马');
    const item = page.getByRole('treeitem', { name: /^耿马县/ });
    await expect.poll(() => item.count()).toBe(1);
    expect(await page.getByRole('treeitem').allTextContents()).toEqual([
      expect.stringContaining('云南省'),
      expect.stringContaining('临沧市'),
      expect.stringContaining('耿马县'),
    ]);
    await item.click();
    await expect.poll(() => atlas.planShown(), { timeout: 30_000 }).toBe('gengma-test');
    await expect.poll(() => atlas.panelHeading().textContent()).toBe('耿马自治县健康服务业测试规划');
    expect(await atlas.elementList().getByRole('button').count()).toBeGreaterThan(5);

    // Search finds the plan by its name.
    await atlas.searchBox().fill('耿马');
    const option = page.getByRole('option', { name: /耿马自治县健康服务业测试规划/ });
    await expect.poll(() => option.count()).toBe(1);

    // The project list lists its projects under its own plan.
    await page.keyboard.press('Escape');
    const list = new ProjectList(atlas);
    await list.open();
    // The plan filter is the plan tree: the new plan is there, nested under its parent, with its count.
    const planFilter = list.root().getByLabel(atlas.t.browser.plan, { exact: true });
    expect(await planFilter.getByRole('option', { name: /耿马县（[1-9]\d*）/ }).count()).toBe(1);
    await planFilter.selectOption({ label: (await planFilter.getByRole('option', { name: /耿马县/ }).textContent())! });
    await expect.poll(() => list.rows().count()).toBeGreaterThan(0);
    expect(atlas.hash('plan')).toBe('gengma-test');
    expect(atlas.watch.errors).toEqual([]);
    expect(atlas.watch.external).toEqual([]);
    await atlas.close();
  });
});
