/** One Chromium per browser-test file, and the page helpers the tests share with the scripts (scripts/lib/chromium.ts). */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium';

// The browser tests' one import for page helpers; they live with the scripts, which may not import tests.
export { type PageWatch, waitForMapIdle, watchPage } from '../../scripts/lib/chromium';

/** One Chromium for a test file: launched before its tests, closed after. Call at the top of the file. */
export function sharedChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running');
    return browser;
  };
}
