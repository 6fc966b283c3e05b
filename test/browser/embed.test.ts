/** The embed view inside a sandboxed iframe on a phone-sized government page. */
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { sharedChromium, waitForMapIdle, watchPage } from './chromium';
import { Atlas } from './driver/atlas';
import { EmbeddedAtlas } from './driver/embed';
import { outside, planLayer } from './frame-check';
import { screenPoint } from './map-math';

const origin = inject('origin');
const appUrl = inject('appUrl');
const shots = resolve(import.meta.dirname, '../../test-results/screenshots');

/** A government page holding the given iframe code in a box of the given width, served at the app's origin. */
async function hostPage(page: Page, iframe: string, width = 390) {
  const url = `${origin}/host-${Math.random().toString(36).slice(2)}.html`;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><meta charset="utf-8"><title>政府门户</title><body style="margin:0"><header style="background:#9e1b1b;color:#fff;padding:10px">某州人民政府 · 健康服务</header><div id="box" style="width:${width}px">${iframe}</div></body>`,
    }),
  );
  await page.goto(url);
}

const atlasFrame = async (page: Page): Promise<Frame> => {
  await expect.poll(() => page.frames().some((f) => f.url().includes('embed=1'))).toBe(true);
  return page.frames().find((f) => f.url().includes('embed=1'))!;
};

/** Lincang's core and both belts lie inside the embedded map, below its bar. */
async function lincangFramed(frame: Frame): Promise<string[]> {
  const embed = new EmbeddedAtlas(frame);
  const map = (await embed.map().boundingBox())!;
  const bar = (await embed.bar().boundingBox())!;
  const features = planLayer('lincang').filter((f) => f.properties.role === 'core' || f.properties.role === 'belt');
  expect(features.length).toBe(3);
  // Boxes are the iframe's own (its frame locator reports page coordinates for both).
  return outside(features, frame.url(), map, { top: bar.y + bar.height, bottom: map.y + map.height, left: map.x, right: map.x + map.width });
}
const chromium = sharedChromium();

describe('embed view', () => {
  it('works in a sandboxed iframe on a phone: map, legend, details on tap, a link to the full atlas', async () => {
    const context = await chromium().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await page.goto(`${origin}/embed-host.html`);
    const embed = new EmbeddedAtlas(page.frameLocator('#atlas'));
    await embed.mapIdle();
    // No top bar (plan menu, search …): the map, its legend and a link out.
    expect(await embed.scope.getByRole('banner').count()).toBe(0);
    expect(await embed.legend().count()).toBe(1);
    const link = embed.fullAtlasLink();
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('href')).not.toContain('embed=1');
    expect(await link.getAttribute('href')).toContain('plan=shuangjiang');
    // Tap the 勐勐、沙河 zone between its two township seats.
    const box = (await embed.map().boundingBox())!;
    const at = screenPoint([99.8, 23.5], { zoom: 10, lat: 23.5, lng: 99.85 }, box);
    await page.touchscreen.tap(at.x, at.y);
    await expect.poll(() => embed.detailsTitle(), { timeout: 10_000 }).toContain('商贸示范区');
    await page.screenshot({ path: resolve(import.meta.dirname, '../../test-results/screenshots/browser-embed-phone.png') });
    expect(watch.errors).toEqual([]);
    expect(watch.external).toEqual([]);
    await context.close();
  });

  it('an embed made from the dialog on a laptop frames Lincang’s core and belts in a 390×600 iframe, and on resize', async () => {
    const atlas = await Atlas.open(chromium(), { appUrl, origin }, { hash: '#plan=lincang' });
    const { page, context, watch, t } = atlas;
    expect(atlas.hash('map')).not.toBeNull();
    const opener = page.getByRole('button', { name: t.embed, exact: true });
    await opener.click();
    const code = () => page.getByRole('textbox', { name: t.embedTitle, exact: true }).inputValue();
    expect(await code()).toContain('plan=lincang');
    expect(await code()).not.toContain('map=');
    // Keeping the view is the author's choice.
    const keepView = page.getByRole('checkbox', { name: t.embedKeepView, exact: true });
    await keepView.check();
    expect(await code()).toContain('map=');
    await keepView.uncheck();
    const iframe = await code();
    await page.keyboard.press('Escape');
    await expect.poll(() => atlas.isFocused(opener)).toBe(true);

    await hostPage(page, iframe.replace('width="100%" height="600"', 'width="390" height="600"'));
    const frame = await atlasFrame(page);
    const embed = new EmbeddedAtlas(frame);
    await embed.mapIdle();
    expect((await embed.map().boundingBox())!.width).toBe(390);
    await expect.poll(() => lincangFramed(frame), { timeout: 15_000 }).toEqual([]);
    await page.screenshot({ path: resolve(shots, 'browser-embed-lincang-390.png') });
    expect(await embed.fullAtlasLink().getAttribute('href')).toMatch(/#plan=lincang$/);

    // A narrower frame: the plan is framed again to its new size.
    await page.evaluate(() => {
      const f = document.querySelector('iframe');
      if (f) f.style.width = '300px';
    });
    await expect.poll(async () => (await embed.map().boundingBox())!.width).toBe(300);
    await expect.poll(() => lincangFramed(frame), { timeout: 15_000 }).toEqual([]);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('keeps plan and selection in the link to the full atlas', async () => {
    const context = await chromium().newContext({ viewport: { width: 800, height: 600 } });
    const page = await context.newPage();
    await page.goto(`${appUrl}?embed=1#plan=lincang&feature=lincang-core&lang=en`);
    const embed = new EmbeddedAtlas(page, 'en');
    await embed.mapIdle();
    const href = await embed.fullAtlasLink().getAttribute('href');
    expect(href).toMatch(/\/portal\/health\/atlas\/#plan=lincang&feature=lincang-core&lang=en$/);
    await context.close();
  });

  it('in a frame sandboxed without allow-same-origin, says what the host page must allow (never a white page)', async () => {
    const context = await chromium().newContext({ viewport: { width: 420, height: 700 } });
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await hostPage(page, `<iframe src="${appUrl}?embed=1#plan=lincang" width="390" height="600" title="规划布局图" sandbox="allow-scripts"></iframe>`);
    const fallback = new EmbeddedAtlas(await atlasFrame(page)).bootFallback();
    await expect.poll(() => fallback.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await fallback.innerText()).toContain('allow-scripts allow-same-origin allow-popups');
    expect(await fallback.getByRole('link').first().getAttribute('href')).toContain('plan=lincang');
    await page.screenshot({ path: resolve(shots, 'browser-embed-sandbox-blocked.png') });
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('where the server lets such a frame load the app, shows the plan and the same advice as a notice', async () => {
    const context = await chromium().newContext({ viewport: { width: 420, height: 700 } });
    const page = await context.newPage();
    // A server that allows any origin (as some CDNs do): the app's files load even into an opaque origin.
    await page.route(`${appUrl}**`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
    });
    await hostPage(page, `<iframe src="${appUrl}?embed=1#plan=lincang" width="390" height="600" title="规划布局图" sandbox="allow-scripts"></iframe>`);
    const embed = new EmbeddedAtlas(await atlasFrame(page));
    await expect.poll(() => embed.title(), { timeout: 30_000 }).toContain('临沧');
    await expect.poll(() => embed.notices().innerText()).toContain('allow-same-origin');
    expect(await embed.bootFallback().count()).toBe(0);
    // The plan's own content (its layout formula), readable even if the map cannot draw in such a frame.
    await expect
      .poll(() =>
        embed
          .overview()
          .getByText(/一个中心/)
          .count(),
      )
      .toBeGreaterThan(0);
    await page.screenshot({ path: resolve(shots, 'browser-embed-sandbox-cors.png') });
    await context.close();
  });

  it('at 800×500 starts with the legend folded, so it does not cover the layout', async () => {
    const context = await chromium().newContext({ viewport: { width: 800, height: 500 } });
    const page = await context.newPage();
    await page.goto(`${appUrl}?embed=1#plan=yunnan`);
    await waitForMapIdle(page);
    const legend = page.getByRole('button', { name: /图例/ });
    expect(await legend.getAttribute('aria-expanded')).toBe('false');
    await page.screenshot({ path: resolve(shots, 'browser-embed-800x500.png') });
    await legend.click();
    expect(await legend.getAttribute('aria-expanded')).toBe('true');
    await context.close();
  });

  it('shows the review number (审图号) of the deployment setting on the embedded map and in its credits', async () => {
    const context = await chromium().newContext({ viewport: { width: 800, height: 500 } });
    const page = await context.newPage();
    // A deployment whose map has been reviewed (a made-up number: this is a test).
    await page.route(`${appUrl}atlas.config.json`, (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ reviewNumber: '测试S（2099）001号', baseCredit: '底图：测试单位' }) }),
    );
    await page.goto(`${appUrl}?embed=1#plan=lincang`);
    await waitForMapIdle(page);
    await expect.poll(() => page.getByText('审图号：测试S（2099）001号 · 底图：测试单位').count()).toBe(1);
    // The map's own credits say it too.
    expect(
      await new EmbeddedAtlas(page)
        .map()
        .getByText(/审图号：测试S（2099）001号/)
        .count(),
    ).toBeGreaterThan(0);
    await context.close();
  });
});
