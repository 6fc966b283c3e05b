/**
 * The review number (审图号) of a deployment, from its atlas.config.json, on the exported PNG and on the print. The
 * shipped file is empty (no number may be invented), so the test serves a copy of the build whose file carries a
 * test number, and compares with the build as shipped.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveBuild, subPath } from '../../scripts/lib/static-server';
import { sharedChromium, waitForMapIdle } from './chromium';
import { pngRows } from './pixels';

const shippedUrl = inject('appUrl');
const chromium = sharedChromium();
const testNumber = '测试S（2099）0001号';

let copy = '';
let server: Server | undefined;
let reviewedUrl = '';

beforeAll(async () => {
  copy = mkdtempSync(join(tmpdir(), 'atlas-reviewed-'));
  cpSync(resolve(import.meta.dirname, '../../dist'), copy, { recursive: true });
  const config = JSON.parse(readFileSync(join(copy, 'atlas.config.json'), 'utf8')) as Record<string, string>;
  writeFileSync(join(copy, 'atlas.config.json'), JSON.stringify({ ...config, reviewNumber: testNumber }));
  const served = await serveBuild(copy);
  server = served.server;
  reviewedUrl = `${served.origin}${subPath}`;
});

afterAll(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  rmSync(copy, { recursive: true, force: true });
});

/** The exported PNG's pixels: its size and, per row, a hash of the row. */
async function exportRows(page: Page): Promise<{ width: number; rows: number[] }> {
  await page.getByRole('button', { name: /^导出/ }).click();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: /导出 PNG/ }).click()]);
  return pngRows(page, readFileSync((await download.path()) ?? ''));
}

async function openPlan(url: string): Promise<Page> {
  const context = await chromium().newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${url}#plan=qujing`);
  // A loaded machine (SwiftShader draws on the CPU) can take a while to draw the first map.
  await waitForMapIdle(page, 120_000);
  return page;
}

describe('review number (审图号) from atlas.config.json', () => {
  it('is drawn in the exported PNG: only the credits line differs from the build shipped without one', async () => {
    const reviewed = await openPlan(reviewedUrl);
    // The page read the setting: the map's credits lead with it.
    const credits = reviewed.getByRole('region', { name: '规划布局地图' }).getByText(/^审图号：/);
    await expect.poll(() => credits.textContent()).toMatch(new RegExp(`^审图号：${testNumber} \\| `));
    const withNumber = await exportRows(reviewed);
    const shipped = await openPlan(shippedUrl);
    const without = await exportRows(shipped);
    expect(withNumber.width).toBe(without.width);
    expect(withNumber.rows.length).toBe(without.rows.length);
    // Rows that differ lie in the footer, under the map, where the credits are written.
    const differing = withNumber.rows.flatMap((h, y) => (h === without.rows[y] ? [] : [y]));
    expect(differing.length).toBeGreaterThan(0);
    expect(Math.min(...differing)).toBeGreaterThan(withNumber.rows.length * 0.85);
    await reviewed.context().close();
    await shipped.context().close();
  }, 300_000);

  it('is on the printed page, under the map', async () => {
    const page = await openPlan(reviewedUrl);
    // What the page shows, as printed, when the print dialog opens (the dialog itself is the browser's).
    await page.evaluate(() => {
      const w = window as unknown as { printed?: string; print: () => void };
      // The page's text as laid out for paper (innerText leaves out what print hides, such as the live map's credits).
      w.print = () => {
        w.printed = document.body.innerText;
      };
    });
    await page.getByRole('button', { name: /^导出/ }).click();
    const printA4 = page.getByRole('button', { name: /打印 A4/ });
    await printA4.waitFor();
    // On paper the menu is hidden with the other controls: the choice is made, then the page is laid out for print.
    await page.emulateMedia({ media: 'print' });
    await page.getByRole('button', { name: /打印 A4/, includeHidden: true }).dispatchEvent('click');
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed?: string }).printed), { timeout: 60_000 }).toContain(`审图号：${testNumber}`);
    await page.context().close();
  }, 200_000);
});
