/** The embed view inside a sandboxed iframe on a phone-sized government page. */
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { sharedChromium, watchPage } from './chromium';
import { screenPoint } from './map-math';

const origin = inject('origin');
const chromium = sharedChromium();

describe('embed view', () => {
  it('works in a sandboxed iframe on a phone: map, legend, details on tap, a link to the full atlas', async () => {
    const context = await chromium().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await page.goto(`${origin}/embed-host.html`);
    const frame = page.frameLocator('#atlas');
    await frame.locator('.map[data-idle="true"]').waitFor({ timeout: 45_000 });
    expect(await frame.locator('.topbar').count()).toBe(0);
    expect(await frame.locator('.legend').count()).toBe(1);
    const link = frame.locator('.embed-open');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('href')).not.toContain('embed=1');
    expect(await link.getAttribute('href')).toContain('plan=shuangjiang');
    // Tap the 勐勐、沙河 zone between its two township seats.
    const box = (await frame.locator('.map').boundingBox())!;
    const at = screenPoint([99.8, 23.5], { zoom: 10, lat: 23.5, lng: 99.85 }, box);
    await page.touchscreen.tap(at.x, at.y);
    await expect.poll(() => frame.locator('.details .panel-title').textContent(), { timeout: 10_000 }).toContain('商贸示范区');
    await page.screenshot({ path: resolve(import.meta.dirname, '../../test-results/screenshots/browser-embed-phone.png') });
    expect(watch.errors).toEqual([]);
    expect(watch.external).toEqual([]);
    await context.close();
  });
});
