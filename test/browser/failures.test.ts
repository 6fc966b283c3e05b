/** Failures a user meets are shown on the page, with a way to retry: never only in the console, never a white page. */
import type { Page, Route } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { sharedChromium, waitForMapIdle, watchPage } from './chromium';

const appUrl = inject('appUrl');
const origin = inject('origin');
const chromium = sharedChromium();

/** Fails requests matching `pattern` until `release()` is called. */
async function blockUntilReleased(page: Page, pattern: RegExp): Promise<() => void> {
  let blocked = true;
  await page.route(pattern, (route: Route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  return () => {
    blocked = false;
  };
}

describe('failures', () => {
  it('says when a plan cannot load, keeps the others, and loads it on retry', async () => {
    const context = await chromium().newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    const release = await blockUntilReleased(page, /geo\/plans\/qujing\.geojson$/);
    await page.goto(`${appUrl}#plan=qujing`);
    const notice = page.locator('.notice-card', { hasText: 'qujing' });
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toContain('无法加载');
    // The overview says so too, with what the catalogue knows of the plan.
    await expect.poll(() => page.locator('.overview .panel-title').textContent()).toContain('曲靖');
    // The map does not show another plan under this title.
    expect(await page.locator('.map').getAttribute('data-plan-shown')).toBeNull();
    release();
    await notice.getByRole('button', { name: '重试' }).click();
    await page.waitForSelector('.map[data-plan-shown="qujing"]', { timeout: 30_000 });
    expect(await page.locator('.notice-card').count()).toBe(0);
    expect(await page.locator('.element-button').count()).toBeGreaterThan(3);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('shows a message and a retry, not a white page, when a part of the app fails to download', async () => {
    const context = await chromium().newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await page.goto(`${appUrl}#plan=yunnan`);
    await waitForMapIdle(page);
    // The project list is its own chunk, loaded on first use: the network drops just then.
    const release = await blockUntilReleased(page, /assets\/ProjectBrowser-[^/]*\.js$/);
    await page.locator('.view-toggle').click();
    const boundary = page.locator('.boundary');
    await boundary.waitFor({ timeout: 30_000 });
    expect(await boundary.textContent()).toContain('没有加载成功');
    expect(await page.locator('.topbar').isVisible()).toBe(true);
    release();
    await boundary.getByRole('button', { name: '重试' }).click();
    await page.waitForSelector('.pb-row', { timeout: 30_000 });
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});
