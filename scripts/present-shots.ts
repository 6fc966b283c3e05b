/**
 * `npm run shots:present [-- <planId> …]`: PNGs of every slide (each chapter's first step and every
 * key-project step) as a projector shows them, at 1920×1080 and 1280×720, from dist/atlas-offline.html opened
 * from disk, into test-results/present/ (`SHOT_SIZES=1366x768` for other sizes). For looking at, not for asserting.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium, waitForMapIdle } from './lib/chromium';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'test-results/present');
mkdirSync(out, { recursive: true });
// By default the first two plans of the plan tree (the province and its first city).
const catalogue = JSON.parse(readFileSync(resolve(root, 'public/geo/plans/catalogue.json'), 'utf8')) as { plans: { id: string }[] };
const plans = process.argv.slice(2).length ? process.argv.slice(2) : catalogue.plans.slice(0, 2).map((p) => p.id);
// `SHOT_SIZES=1366x768,1280x720` for other screens (the default: a projector's two).
const sizes = (process.env.SHOT_SIZES ?? '1920x1080,1280x720').split(',').map((size) => {
  const [width, height] = size.split('x').map(Number);
  if (!width || !height) throw new Error(`SHOT_SIZES: "${size}" is not <width>x<height>`);
  return [width, height] as const;
});
const file = pathToFileURL(resolve(root, 'dist/atlas-offline.html')).href;
const browser = await launchChromium();
try {
  for (const plan of plans) {
    for (const [width, height] of sizes) {
      const page = await browser.newPage({ viewport: { width, height } });
      await page.goto(`${file}#plan=${plan}&present=1`);
      await waitForMapIdle(page);
      const seen = new Set<string>();
      for (let i = 0; i < 150; i++) {
        const hash = new URLSearchParams(new URL(page.url()).hash.slice(1));
        const at = `${hash.get('chapter') ?? '0'}-${hash.get('step') ?? '0'}`;
        if (seen.has(at)) break;
        seen.add(at);
        const named = await page.locator('.present-names li').count();
        if (at.endsWith('-0') || named) {
          await page.waitForTimeout(1900);
          await page.screenshot({ path: resolve(out, `${plan}-${width}x${height}-${at}.png`) });
        }
        await page.keyboard.press('ArrowRight');
        await page.waitForTimeout(120);
      }
      console.log(`${plan} ${width}×${height}: ${seen.size} steps`);
      await page.close();
    }
  }
} finally {
  await browser.close();
}
