/**
 * `npm run screenshots [-- hash]`: builds nothing; serves dist/ under a sub-path and saves PNGs of the atlas
 * as a planner's projector, an investor's laptop, a phone and an embedding page see it, to test-results/screenshots.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium, waitForMapIdle, watchPage } from './lib/chromium';
import { serveBuild, subPath } from './lib/static-server';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'test-results/screenshots');
mkdirSync(out, { recursive: true });
const hash = process.argv[2] ?? '';
const tag = process.argv[3] ?? 'default';
const views = [
  { name: 'projector', width: 1920, height: 1080 },
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844, mobile: true },
];

const embedPage = (src: string) => `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>某政府网站</title><body style="margin:0;font-family:sans-serif"><header style="background:#9e1b1b;color:#fff;padding:12px 16px">某州政府门户 · 健康服务</header>
<main style="padding:12px"><p>以下为嵌入的规划布局图：</p><iframe src="${src}" style="width:100%;height:560px;border:1px solid #ccc" sandbox="allow-scripts allow-same-origin allow-popups" title="规划布局图"></iframe></main></body>`;

const { server, origin } = await serveBuild(resolve(root, 'dist'), { '/embed-host.html': embedPage(`${subPath}?embed=1${hash}`) });
const browser = await launchChromium();
try {
  for (const v of views) {
    const context = await browser.newContext({
      viewport: { width: v.width, height: v.height },
      deviceScaleFactor: 1,
      isMobile: v.mobile ?? false,
      hasTouch: v.mobile ?? false,
    });
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await page.goto(`${origin}${subPath}${hash}`);
    await waitForMapIdle(page);
    await page.waitForTimeout(1200);
    const file = resolve(out, `${tag}-${v.name}.png`);
    await page.screenshot({ path: file });
    console.log(
      `${file}  external requests: ${watch.external.length}, page errors: ${watch.errors.length}${watch.errors.length ? ` ${watch.errors.join(' | ')}` : ''}`,
    );
    await context.close();
  }
  const context = await browser.newContext({ viewport: { width: 390, height: 700 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${origin}/embed-host.html`);
  await page.waitForTimeout(500);
  const frame = page.frames().find((f) => f.url().includes('embed=1'));
  if (frame) await frame.waitForSelector('.map[data-idle="true"]', { timeout: 45_000 }).catch(() => undefined);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: resolve(out, `${tag}-embed.png`) });
  console.log(resolve(out, `${tag}-embed.png`));
} finally {
  await browser.close();
  server.close();
}
