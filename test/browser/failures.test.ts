/** Failures a user meets are shown on the page, with a way to retry: never only in the console, never a white page. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { sharedChromium } from './chromium';
import { Atlas } from './driver/atlas';
import { ProjectList } from './driver/list';

const appUrl = inject('appUrl');
const origin = inject('origin');
const server = { appUrl, origin };
const chromium = sharedChromium();
const laptop = { width: 1366, height: 768 };

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
    let release = () => {};
    const atlas = await Atlas.open(chromium(), server, {
      hash: '#plan=qujing',
      viewport: laptop,
      waitForMap: false,
      prepare: async (page) => {
        release = await blockUntilReleased(page, /geo\/plans\/qujing\.geojson$/);
      },
    });
    const notice = atlas.noticeCards('曲靖市“十四五”');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toContain('无法加载');
    // The overview says so too, with what the catalogue knows of the plan.
    await expect.poll(() => atlas.panelHeading().textContent()).toContain('曲靖');
    // The map does not show another plan under this title.
    expect(await atlas.planShown()).toBeNull();
    release();
    await notice.getByRole('button', { name: atlas.t.notices.retry }).click();
    await expect.poll(() => atlas.planShown(), { timeout: 30_000 }).toBe('qujing');
    expect(await atlas.noticeCards().count()).toBe(0);
    expect(await atlas.elementList().getByRole('button').count()).toBeGreaterThan(3);
    expect(atlas.watch.errors).toEqual([]);
    await atlas.close();
  });

  it('shows a message and a retry, not a white page, when a part of the app fails to download', async () => {
    const atlas = await Atlas.open(chromium(), server, { hash: '#plan=yunnan', viewport: laptop });
    const { page } = atlas;
    // The project list is its own chunk, loaded on first use: the network drops just then.
    const release = await blockUntilReleased(page, /assets\/ProjectBrowser-[^/]*\.js$/);
    await page.getByRole('button', { name: atlas.t.projectList, exact: true }).click();
    const boundary = page.getByRole('alert').filter({ hasText: '没有加载成功' });
    await boundary.waitFor({ timeout: 30_000 });
    // The rest of the atlas stays: its top bar is still there.
    expect(await page.getByRole('banner').isVisible()).toBe(true);
    release();
    await boundary.getByRole('button', { name: atlas.t.notices.retry }).click();
    await new ProjectList(atlas).loaded();
    expect(atlas.watch.errors).toEqual([]);
    await atlas.close();
  });

  it('loads a part of the app on retry after the server answered 404 for it, and says so only once', async () => {
    const atlas = await Atlas.open(chromium(), server, { hash: '#plan=yunnan', viewport: laptop });
    const { page, watch, context } = atlas;
    // A redeploy or a broken proxy: the project list's chunk is not found, then it is back.
    let missing = true;
    await page.route(/assets\/ProjectBrowser-[^/]*\.js(\?.*)?$/, (route: Route) =>
      missing ? route.fulfill({ status: 404, body: 'not found' }) : route.continue(),
    );
    await page.getByRole('button', { name: '项目列表' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '没有加载成功' });
    await alert.waitFor({ timeout: 30_000 });
    expect(await page.getByText('没有加载成功').count()).toBe(1);
    missing = false;
    await alert.getByRole('button', { name: '重试' }).click();
    await page.getByRole('heading', { name: '健康服务业项目' }).waitFor({ timeout: 30_000 });
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('loads a part of the app on retry after it arrived cut in half', async () => {
    const atlas = await Atlas.open(chromium(), server, { hash: '#plan=yunnan', viewport: laptop, waitForMap: false });
    const { page, watch } = atlas;
    // The map is not needed, the plan's overview is: the page has loaded and its top bar stands still.
    await atlas.elementList().waitFor({ timeout: 60_000 });
    // A dropped connection mid-download: the project list's chunk arrives with half its bytes, once.
    let cut = true;
    await page.route(/assets\/ProjectBrowser-[^/]*\.js(\?.*)?$/, async (route: Route) => {
      if (!cut) return route.continue();
      const response = await route.fetch();
      const body = await response.body();
      return route.fulfill({ response, body: body.subarray(0, body.length >> 1) });
    });
    await page.getByRole('button', { name: atlas.t.projectList, exact: true }).click({ timeout: 60_000 });
    const alert = page.getByRole('alert').filter({ hasText: atlas.t.notices.chunkFailed });
    await alert.waitFor({ timeout: 30_000 });
    cut = false;
    await alert.getByRole('button', { name: atlas.t.notices.retry }).click({ timeout: 60_000 });
    await new ProjectList(atlas).loaded();
    // The truncated file's syntax error is the fault the test made; nothing else went wrong.
    expect(watch.errors.filter((e) => !/SyntaxError/.test(e))).toEqual([]);
    await atlas.close();
  }, 150_000);

  it('loads a part of the app on retry once the network is back, after it was offline when the part was first asked for', async () => {
    const atlas = await Atlas.open(chromium(), server, { hash: '#plan=yunnan', viewport: laptop, waitForMap: false });
    const { page, context } = atlas;
    await atlas.elementList().waitFor({ timeout: 60_000 });
    await context.setOffline(true);
    await page.getByRole('button', { name: atlas.t.projectList, exact: true }).click({ timeout: 60_000 });
    const alert = page.getByRole('alert').filter({ hasText: atlas.t.notices.chunkFailed });
    await alert.waitFor({ timeout: 30_000 });
    await context.setOffline(false);
    await alert.getByRole('button', { name: atlas.t.notices.retry }).click({ timeout: 60_000 });
    await new ProjectList(atlas).loaded();
    expect(atlas.watch.errors).toEqual([]);
    await atlas.close();
  }, 150_000);

  it('keeps the search results above a notice: a result under which a notice lies is still chosen by a click', async () => {
    // A plan that cannot load leaves its notice at the top of the map, where the search results open.
    const atlas = await Atlas.open(chromium(), server, {
      hash: '#plan=qujing',
      viewport: laptop,
      waitForMap: false,
      prepare: (page) => page.route(/geo\/plans\/qujing\.geojson$/, (route: Route) => route.abort('internetdisconnected')),
    });
    const notice = atlas.noticeCards('曲靖市“十四五”');
    await notice.waitFor({ timeout: 30_000 });
    await atlas.searchBox().fill('临沧');
    const result = atlas.searchResults().getByRole('option', { name: /临沧/ }).first();
    await result.waitFor({ timeout: 30_000 });
    const [a, b] = [(await atlas.searchResults().boundingBox())!, (await notice.boundingBox())!];
    // The two overlap on the page (else this test would prove nothing).
    expect(a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height).toBe(true);
    // Playwright clicks only what would receive the click: a notice on top would take it instead.
    await result.click({ timeout: 10_000 });
    await expect.poll(() => atlas.hash('plan')).toBe('lincang');
    await atlas.close();
  });

  it('still loads the province over a 15 KB/s link: the wait ends on silence, not on the total time', async () => {
    let release = () => {};
    // The province's layer fails first, so the page itself loads at full speed and only the retry is slow.
    const atlas = await Atlas.open(chromium(), server, {
      hash: '#plan=yunnan',
      viewport: laptop,
      waitForMap: false,
      prepare: async (page) => {
        release = await blockUntilReleased(page, /geo\/plans\/yunnan\.geojson$/);
      },
    });
    const { page, context } = atlas;
    const notice = atlas.noticeCards('云南省“十四五”');
    await notice.waitFor({ timeout: 30_000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 15 * 1024, uploadThroughput: 15 * 1024 });
    const bytes = readFileSync(resolve(import.meta.dirname, '../../public/geo/plans/yunnan.geojson')).length;
    expect(bytes).toBeGreaterThan(20 * 15 * 1024); // longer than the old 20 s limit on the whole download
    release();
    await notice.getByRole('button', { name: atlas.t.notices.retry }).click();
    // What is loading, and how far it has got.
    await expect.poll(() => page.getByRole('progressbar', { name: /正在加载规划图层/ }).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => atlas.planShown(), { timeout: 80_000 }).toBe('yunnan');
    expect(await atlas.noticeCards().count()).toBe(0);
    await context.close();
  }, 180_000);

  it('opens the atlas from an address without its trailing slash, instead of a blank page that blames a sandbox', async () => {
    // A server that serves the atlas's page at …/atlas as well as …/atlas/.
    const index = readFileSync(resolve(import.meta.dirname, '../../dist/index.html'), 'utf8');
    const bare = appUrl.replace(/\/$/, '');
    const atlas = await Atlas.open(
      chromium(),
      { appUrl: bare, origin },
      {
        hash: '#plan=lincang',
        viewport: laptop,
        waitForMap: false,
        prepare: (page) => page.route(bare, (route: Route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: index })),
      },
    );
    const { page, context } = atlas;
    // The app starts: the overview names the plan.
    await expect.poll(() => atlas.panelHeading().textContent(), { timeout: 60_000 }).toContain('临沧');
    expect(new URL(page.url()).pathname).toBe(new URL(appUrl).pathname);
    expect(new URL(page.url()).hash).toContain('plan=lincang');
    expect(await page.getByRole('alert').filter({ hasText: 'sandbox' }).count()).toBe(0);
    await context.close();
  });
});
