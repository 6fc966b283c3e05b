/** Presentation mode with a clicker's keys: chapters, URL and camera follow. */
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { sharedChromium, waitForMapIdle, watchPage } from './chromium';

const appUrl = inject('appUrl');
const origin = inject('origin');
const chromium = sharedChromium();

const chapterOf = (url: string) => new URLSearchParams(new URL(url).hash.slice(1)).get('chapter');

describe('presentation mode', () => {
  it('steps through chapters with a clicker’s keys, keeping the URL and the camera in step', async () => {
    const context = await chromium().newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await page.goto(`${appUrl}#plan=yunnan&present=1`);
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('.present-title').textContent()).toContain('云南省');
    expect(await page.locator('.topbar').count()).toBe(0);

    /** Presses a clicker key until the URL names the chapter (a chapter may take several steps). */
    const pressUntil = async (key: string, chapter: string) => {
      for (let i = 0; i < 20 && chapterOf(page.url()) !== chapter; i++) await page.keyboard.press(key);
      await expect.poll(() => chapterOf(page.url())).toBe(chapter);
    };
    await page.keyboard.press('ArrowRight');
    await pressUntil('ArrowRight', '2');
    await expect.poll(() => page.locator('.present-kicker').textContent()).toBe('一核');
    await pressUntil('PageDown', '4');
    await expect.poll(() => page.locator('.present-title').textContent()).toBe('滇东健康医疗服务业集聚区');
    expect(await page.locator('.present-caption').textContent()).toContain('以曲靖建设省级区域医疗中心为契机');
    // A long quote is stepped: the step is in the URL, and a step back stays on the chapter.
    await page.keyboard.press('Space');
    await expect.poll(() => new URLSearchParams(new URL(page.url()).hash.slice(1)).get('step')).toBe('1');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => chapterOf(page.url())).toBe('4');
    // The camera frames the zone: Qujing is on screen, Xishuangbanna far to the south-west is not.
    await expect
      .poll(
        async () => {
          const names = await page.locator('.visible-names li').allTextContents();
          return names.includes('曲靖') && !names.includes('西双版纳');
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await page.screenshot({ path: resolve(import.meta.dirname, '../../test-results/screenshots/browser-present.png') });

    await pressUntil('PageUp', '3');
    await page.keyboard.press('End');
    await expect.poll(() => page.locator('.present-title').textContent()).toBe('主要指标');
    await page.keyboard.press('Home');
    await expect.poll(() => chapterOf(page.url())).toBe('1');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.topbar').count()).toBe(1);
    expect(new URL(page.url()).hash).not.toContain('present=1');
    expect(watch.errors).toEqual([]);
    expect(watch.external).toEqual([]);
    await context.close();
  });

  it('opens a given slide from a link', async () => {
    const context = await chromium().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${appUrl}#plan=shuangjiang&present=1&chapter=3`);
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('.present-kicker').textContent()).toBe('两区');
    expect(await page.locator('.present-count').textContent()).toMatch(/^3 \//);
    await context.close();
  });

  it('opens a presenter view with P that stays in step with the slides, both ways', async () => {
    const context = await chromium().newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${appUrl}#plan=qujing&present=1&chapter=2`);
    await waitForMapIdle(page);
    const [presenter] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('p')]);
    await presenter.waitForSelector('.presenter', { timeout: 30_000 });
    expect(await presenter.locator('.presenter-now .present-title').textContent()).toBe(await page.locator('.present-title').textContent());
    expect(await presenter.locator('.presenter-timer time').textContent()).toMatch(/^\d\d:\d\d$/);
    expect(await presenter.locator('.presenter-next-title').textContent()).toBeTruthy();
    // The speaker clicks in the presenter's window: the audience's slide follows.
    const nextTitle = await presenter.locator('.presenter-next-title').textContent();
    for (let i = 0; i < 6 && (await page.locator('.present-title').textContent()) !== nextTitle; i++) {
      await presenter.keyboard.press('ArrowRight');
      await page.waitForTimeout(200);
    }
    await expect.poll(() => page.locator('.present-title').textContent()).toBe(nextTitle);
    // And back: a key in the audience's window moves the presenter's view.
    await page.keyboard.press('Home');
    await expect.poll(() => presenter.locator('.presenter-now .present-title').textContent()).toBe(await page.locator('.present-title').textContent());
    await context.close();
  });
});
