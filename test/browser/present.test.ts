/** Presentation mode with a clicker's keys: chapters, URL and camera follow. */
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { sharedChromium } from './chromium';
import { Atlas } from './driver/atlas';
import { Presentation } from './driver/present';

const server = { appUrl: inject('appUrl'), origin: inject('origin') };
const chromium = sharedChromium();

describe('presentation mode', () => {
  it('steps through chapters with a clicker’s keys, keeping the URL and the camera in step', async () => {
    const atlas = await Atlas.open(chromium(), server, { hash: '#plan=yunnan&present=1', viewport: { width: 1920, height: 1080 } });
    const present = new Presentation(atlas);
    await expect.poll(() => present.title()).toContain('云南省');
    // The atlas's own top bar gives the screen to the slide.
    expect(await atlas.page.getByRole('banner').count()).toBe(0);

    await present.press('ArrowRight');
    await present.pressUntil('ArrowRight', '2');
    await expect.poll(() => present.kicker()).toBe('一核');
    await present.pressUntil('PageDown', '4');
    await expect.poll(() => present.title()).toBe('滇东健康医疗服务业集聚区');
    expect(await present.caption()).toContain('以曲靖建设省级区域医疗中心为契机');
    // A long quote is stepped: the step is in the URL, and a step back stays on the chapter.
    await present.press('Space');
    await expect.poll(() => present.step()).toBe('1');
    await present.press('ArrowLeft');
    await expect.poll(() => present.chapter()).toBe('4');
    // The camera frames the zone: Qujing is on screen, Xishuangbanna far to the south-west is not.
    await expect
      .poll(
        async () => {
          const names = await atlas.visibleNames();
          return names.includes('曲靖') && !names.includes('西双版纳');
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await atlas.page.screenshot({ path: resolve(import.meta.dirname, '../../test-results/screenshots/browser-present.png') });

    await present.pressUntil('PageUp', '3');
    await present.press('End');
    await expect.poll(() => present.title()).toBe(atlas.t.indicators);
    await present.press('Home');
    await expect.poll(() => present.chapter()).toBe('1');
    await present.press('Escape');
    await expect.poll(() => atlas.page.getByRole('banner').count()).toBe(1);
    expect(atlas.hash('present')).not.toBe('1');
    expect(atlas.watch.errors).toEqual([]);
    expect(atlas.watch.external).toEqual([]);
    await atlas.close();
  });

  it('on a 1,024-pixel projector keeps the chapters in one row beside a long formula', async () => {
    const atlas = await Atlas.open(chromium(), server, { hash: '#plan=lincang&present=1', viewport: { width: 1024, height: 768 } });
    const present = new Presentation(atlas);
    await expect.poll(() => present.isOn()).toBe(true);
    expect(await present.progressRows()).toBe(1);
    expect(await present.planNameWhole()).toBe(true);
    await atlas.close();
  });

  it('opens a given slide from a link', async () => {
    const atlas = await Atlas.open(chromium(), server, { hash: '#plan=shuangjiang&present=1&chapter=3' });
    const present = new Presentation(atlas);
    await expect.poll(() => present.kicker()).toBe('两区');
    expect(await present.number()).toBe(3);
    await atlas.close();
  });

  it('opens a presenter view with P that stays in step with the slides, both ways', async () => {
    const atlas = await Atlas.open(chromium(), server, { hash: '#plan=qujing&present=1&chapter=2', viewport: { width: 1280, height: 720 } });
    const present = new Presentation(atlas);
    const presenter = await present.openPresenter();
    expect(await presenter.nowTitle()).toBe(await present.title());
    expect(await presenter.clock()).toMatch(/^\d\d:\d\d$/);
    const nextTitle = await presenter.nextTitle();
    expect(nextTitle).toBeTruthy();
    // The speaker clicks in the presenter's window: the audience's slide follows.
    for (let i = 0; i < 6 && (await present.title()) !== nextTitle; i++) {
      await presenter.press('ArrowRight');
      await atlas.page.waitForTimeout(200);
    }
    await expect.poll(() => present.title()).toBe(nextTitle);
    // And back: a key in the audience's window moves the presenter's view.
    await present.press('Home');
    await expect.poll(() => presenter.nowTitle()).toBe(await present.title());
    await atlas.close();
  });
});
