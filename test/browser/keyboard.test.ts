/** Keyboard and screen reader: focus returns where it came from; the map is reachable, visible and usable. */
import { describe, expect, inject, it } from 'vitest';
import { sharedChromium } from './chromium';
import { Atlas, type OpenOptions } from './driver/atlas';
import { Presentation } from './driver/present';

const server = { appUrl: inject('appUrl'), origin: inject('origin') };
const chromium = sharedChromium();
const open = (options: OpenOptions) => Atlas.open(chromium(), server, options);

describe('keyboard', () => {
  it('returns focus to the plan button after choosing a plan, and to the list item after closing details', async () => {
    const atlas = await open({ hash: '#plan=yunnan' });
    const { page, t } = atlas;
    await atlas.planButton().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('combobox', { name: t.planFilter }).fill('临沧');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => atlas.hash('plan')).toBe('lincang');
    await expect.poll(() => atlas.isFocused(atlas.planButton())).toBe(true);

    const item = atlas.elementButton('澜沧江休闲度假康体养生旅游带');
    await item.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => atlas.detailsTitle()).toContain('澜沧江');
    // Focus moves to the details' heading, so a screen reader reads what opened.
    await expect.poll(() => atlas.isFocused(atlas.details().getByRole('heading', { level: 2 }))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => atlas.details().count()).toBe(0);
    await expect.poll(() => atlas.isFocused(item)).toBe(true);
    expect(atlas.watch.errors).toEqual([]);
    await atlas.close();
  });

  it('reaches the map with a visible focus ring, steps through elements and projects with [ ], opens with Enter, and comes back', async () => {
    const atlas = await open({ hash: '#plan=shuangjiang' });
    const { page } = atlas;
    // Tabbing through the page reaches the map.
    await page.keyboard.press('Tab');
    for (let i = 0; i < 40 && !(await atlas.mapHasFocus()); i++) await page.keyboard.press('Tab');
    expect(await atlas.mapHasFocus()).toBe(true);
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { visible: el.matches(':focus-visible'), style: getComputedStyle(el).outlineStyle, width: getComputedStyle(el).outlineWidth };
    });
    expect(ring).toEqual({ visible: true, style: 'solid', width: '3px' });
    // The map names its keys to a screen reader.
    expect(await page.evaluate(() => document.getElementById(document.activeElement?.getAttribute('aria-describedby') ?? '')?.textContent)).toBe(
      atlas.t.mapKeys,
    );

    await page.keyboard.press(']');
    await expect.poll(() => atlas.announced(/^第 1\/\d+ 项：两区 · 勐库康养示范区/)).toBe(true);
    await page.keyboard.press(']');
    await expect.poll(() => atlas.announced(/^第 2\/\d+ 项：两区 · 勐勐、沙河商贸示范区/)).toBe(true);
    await page.keyboard.press('[');
    await page.keyboard.press('[');
    // Back past the first: the last, a project.
    await expect.poll(() => atlas.announced(/^第 (\d+)\/\1 项：项目 · /)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => atlas.details().count()).toBe(1);
    expect(await atlas.mapHasFocus()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => atlas.details().count()).toBe(0);
    expect(await atlas.mapHasFocus()).toBe(true);
    await atlas.close();
  });

  it('returns focus to the Present button after leaving a presentation', async () => {
    const atlas = await open({ hash: '#plan=qujing' });
    const present = new Presentation(atlas);
    const button = atlas.page.getByRole('button', { name: new RegExp(atlas.t.present) });
    await button.focus();
    await atlas.page.keyboard.press('Enter');
    await expect.poll(() => present.isOn()).toBe(true);
    await present.leave();
    await expect.poll(() => atlas.isFocused(button)).toBe(true);
    await atlas.close();
  });
});
