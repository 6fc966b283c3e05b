/** axe-core finds no violations in any view a person meets: main, details, project list, presentation, phone, embed. */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations } from './axe';
import { sharedChromium, waitForMapIdle } from './chromium';

const appUrl = inject('appUrl');
const origin = inject('origin');
const chromium = sharedChromium();

const laptop = { viewport: { width: 1280, height: 800 } };
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

// The page's Content-Security-Policy forbids inline scripts; the test context may inject axe all the same.
async function page(options: typeof laptop | typeof phone, hash: string): Promise<Page> {
  const context = await chromium().newContext({ ...options, bypassCSP: true });
  const p = await context.newPage();
  await p.goto(`${appUrl}${hash}`);
  await waitForMapIdle(p);
  return p;
}

describe('axe-core', () => {
  it.each([
    ['the main view', laptop, '#plan=yunnan'],
    ['the main view in English', laptop, '#plan=shuangjiang&lang=en'],
    ['details', laptop, '#plan=yunnan&feature=yunnan-zone-diandong'],
    ['the project list', laptop, '#view=projects&plan=qujing'],
    ['presentation', laptop, '#plan=yunnan&present=1&chapter=2'],
    ['a phone', phone, '#plan=yunnan'],
    ['a phone with a plan’s indicator table', phone, '#plan=lincang'],
    ['a phone with details', phone, '#plan=lincang&feature=lincang-core'],
    ['the embed view', { viewport: { width: 390, height: 600 } }, ''],
  ] as const)('finds no violations in %s', async (_name, options, hash) => {
    const p = await page(options, hash === '' ? '?embed=1#plan=lincang' : hash);
    if (hash.includes('view=projects')) await p.waitForSelector('.project-browser:not([aria-busy])');
    if (hash.includes('present=1')) await p.waitForSelector('.present-title');
    if (hash.includes('feature=')) await p.waitForSelector('.details .panel-title');
    expect(await axeViolations(p)).toEqual([]);
    await p.context().close();
  });

  it('finds no violations in the embed inside a government page’s iframe', async () => {
    const context = await chromium().newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const p = await context.newPage();
    await p.goto(`${origin}/embed-host.html`);
    await expect.poll(() => p.frames().some((f) => f.url().includes('embed=1'))).toBe(true);
    const frame = p.frames().find((f) => f.url().includes('embed=1'))!;
    await frame.waitForSelector('.map[data-idle="true"]', { timeout: 45_000 });
    expect(await axeViolations(frame)).toEqual([]);
    await context.close();
  });
});
