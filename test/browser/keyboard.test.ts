/** Keyboard and screen reader: focus returns where it came from; the map is reachable, visible and usable. */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { sharedChromium, waitForMapIdle, watchPage } from './chromium';

const appUrl = inject('appUrl');
const origin = inject('origin');
const chromium = sharedChromium();

const focusKey = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-focus-key') ?? document.activeElement?.tagName);

async function open(page: Page, hash: string) {
  await page.goto(`${appUrl}${hash}`);
  await waitForMapIdle(page);
}

describe('keyboard', () => {
  it('returns focus to the plan button after choosing a plan, and to the list item after closing details', async () => {
    const context = await chromium().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await open(page, '#plan=yunnan');
    await page.getByRole('button', { name: /规划/ }).first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('combobox', { name: '输入地名筛选规划' }).fill('临沧');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).hash).toContain('plan=lincang');
    await expect.poll(() => focusKey(page)).toBe('plan-switcher');

    const item = page.locator('[data-focus-key="element:lincang-belt-lancang"]');
    await item.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.details .panel-title').textContent()).toContain('澜沧江');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('panel-title'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.details').count()).toBe(0);
    await expect.poll(() => focusKey(page)).toBe('element:lincang-belt-lancang');
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('reaches the map with a visible focus ring, steps through elements and projects with [ ], opens with Enter, and comes back', async () => {
    const context = await chromium().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await open(page, '#plan=shuangjiang');
    const canvas = page.locator('.map .maplibregl-canvas');
    // Tab from the skip link's target onwards reaches the canvas.
    await page.keyboard.press('Tab');
    for (let i = 0; i < 40 && (await focusKey(page)) !== 'map'; i++) await page.keyboard.press('Tab');
    expect(await focusKey(page)).toBe('map');
    const ring = await canvas.evaluate((el) => ({
      visible: el.matches(':focus-visible'),
      style: getComputedStyle(el).outlineStyle,
      width: getComputedStyle(el).outlineWidth,
    }));
    expect(ring).toEqual({ visible: true, style: 'solid', width: '3px' });
    expect(await canvas.getAttribute('aria-describedby')).toBe('map-keys');

    await page.keyboard.press(']');
    await expect.poll(() => page.locator('.map-cursor').textContent()).toMatch(/^第 1\/\d+ 项：两区 · 勐库康养示范区/);
    await page.keyboard.press(']');
    await expect.poll(() => page.locator('.map-cursor').textContent()).toMatch(/^第 2\/\d+ 项：两区 · 勐勐、沙河商贸示范区/);
    await page.keyboard.press('[');
    await page.keyboard.press('[');
    // Back past the first: the last, a project.
    await expect.poll(() => page.locator('.map-cursor').textContent()).toMatch(/^第 (\d+)\/\1 项：项目 · /);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.details').count()).toBe(1);
    expect(await focusKey(page)).toBe('map');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.details').count()).toBe(0);
    expect(await focusKey(page)).toBe('map');
    await context.close();
  });

  it('returns focus to the Present button after leaving a presentation', async () => {
    const context = await chromium().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await open(page, '#plan=qujing');
    await page.getByRole('button', { name: /演示/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.present-bar').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.topbar').count()).toBe(1);
    await expect.poll(() => focusKey(page)).toBe('present');
    await context.close();
  });
});
