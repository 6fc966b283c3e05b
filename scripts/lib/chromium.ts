/**
 * Debian's Chromium driven by playwright-core (no browser download, WebGL through SwiftShader), for the scripts
 * (screenshots, benchmarks) and the browser tests alike.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium fonts-noto-cjk`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface PageWatch {
  /** Requests that left the page's origin. */
  external: string[];
  errors: string[];
  consoleErrors: string[];
}

/** Records page errors and every request that leaves the origin. */
export function watchPage(page: Page, origin: string): PageWatch {
  const watch: PageWatch = { external: [], errors: [], consoleErrors: [] };
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) watch.external.push(url);
  });
  page.on('pageerror', (e) => watch.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') watch.consoleErrors.push(m.text());
  });
  return watch;
}

/** Waits until the map reports its first idle with data drawn. */
export async function waitForMapIdle(page: Page, timeout = 45_000): Promise<void> {
  await page.waitForSelector('.map[data-idle="true"]', { timeout });
  // Let the plan layer settle after the first idle.
  await page.waitForFunction(() => document.querySelector('.map')?.getAttribute('data-idle') === 'true', undefined, { timeout });
  await page.waitForTimeout(400);
}
