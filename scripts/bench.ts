/**
 * `npm run bench`: builds the atlas and a bare MapLibre page that draws the same base layers, then prints
 * what a first visit downloads (gzipped) and the time from navigation to the map's first idle with data drawn,
 * alternating the two pages in one run (the ratio is the figure that counts: these machines are noisy).
 * Budgets are printed beside the figures; nothing here fails a test.
 * `npm run bench -- --check` only builds the bare page into a scratch folder: `npm test` runs it, so the page
 * cannot fall out of step with the code it imports.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { launchChromium } from './lib/chromium';
import { serveBuild, subPath } from './lib/static-server';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, 'dist');
const runs = Number(process.env.BENCH_RUNS ?? 7);

/** The bare MapLibre page (bench/bare.html), built with the app's own Vite config into `outDir`. */
async function buildBarePage(outDir: string, emptyOutDir: boolean): Promise<void> {
  await build({
    configFile: resolve(root, 'vite.config.ts'),
    root: resolve(root, 'bench'),
    logLevel: 'warn',
    publicDir: false,
    build: { outDir, emptyOutDir, rolldownOptions: { input: resolve(root, 'bench/bare.html') } },
  });
}

if (process.argv.includes('--check')) {
  const out = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  await buildBarePage(out, true);
  rmSync(out, { recursive: true, force: true });
  console.log('bench page builds');
  process.exit(0);
}

execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const assets = readdirSync(join(dist, 'assets'));
const sum = (files: string[]) => files.reduce((n, f) => n + gz(join(dist, 'assets', f)), 0);
// What a first visit runs: the scripts index.html loads or preloads, and MapLibre's worker.
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const js = assets.filter((f) => /\.js$/.test(f) && html.includes(`assets/${f}`)).concat(assets.filter((f) => f.endsWith('.mjs')));
const lazy = assets.filter((f) => /\.js$/.test(f) && !js.includes(f));
const own = js.filter((f) => !/^(maplibre|react)-/.test(f));
const geo = ['geo/base/yunnan.topo.json', 'geo/base/context.topo.json', 'geo/base/hydro.topo.json', 'geo/base/labels.geojson'];
// The catalogue, and the first plan of its tree (what a first visit opens).
const firstPlan = (JSON.parse(readFileSync(join(dist, 'geo/plans/catalogue.json'), 'utf8')) as { plans: { id: string }[] }).plans[0]?.id;
const plan = ['geo/plans/catalogue.json', `geo/plans/${firstPlan}.geojson`];
const geoSize = geo.reduce((n, f) => n + gz(join(dist, f)), 0);
const planSize = plan.reduce((n, f) => n + gz(join(dist, f)), 0);
const rows: [string, string, string][] = [
  ['JavaScript, all (incl. MapLibre worker)', kb(sum(js)), ''],
  ['  MapLibre (main + worker)', kb(sum(js.filter((f) => f.startsWith('maplibre')))), 'floor ~442 KB'],
  ['  React', kb(sum(js.filter((f) => f.startsWith('react-')))), ''],
  ['  the atlas’s own JavaScript', kb(sum(own)), 'budget < 150 KB'],
  ['  loaded on first use (presenting, project list)', kb(sum(lazy)), 'not in the first visit'],
  ['CSS', kb(sum(assets.filter((f) => f.endsWith('.css')))), ''],
  ['base geography (4 files)', kb(geoSize), 'a few hundred KB'],
  ['plan data on first visit (index + province)', kb(planSize), ''],
  ['HTML', kb(gz(join(dist, 'index.html'))), ''],
];
const total = sum(js) + sum(assets.filter((f) => f.endsWith('.css'))) + geoSize + planSize + gz(join(dist, 'index.html'));
rows.push(['first visit, total', kb(total), '']);

// The bare page goes beside the app (dist/bare.html) once the app's sizes are taken, so both read the same geo files.
await buildBarePage(dist, false);
const { server, origin } = await serveBuild(dist);
const browser = await launchChromium();
async function timeToReady(url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('atlas-map-ready').length > 0, undefined, { timeout: 60_000 });
  const t = await page.evaluate(() => performance.getEntriesByName('atlas-map-ready')[0]!.startTime);
  await context.close();
  return t;
}
const app: number[] = [];
const bare: number[] = [];
await timeToReady(`${origin}${subPath}`); // warm the disk cache for both
await timeToReady(`${origin}${subPath}bare.html`);
for (let i = 0; i < runs; i++) {
  app.push(await timeToReady(`${origin}${subPath}`));
  bare.push(await timeToReady(`${origin}${subPath}bare.html`));
}
await browser.close();
server.close();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ratio = median(app) / median(bare);

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
console.log('\nFirst visit downloads (gzip -9)');
for (const [a, b, c] of rows) console.log(`  ${pad(a, 46)} ${pad(b, 11)} ${c}`);
console.log(`\nNavigation → first idle with data drawn, median of ${runs} alternating runs (headless Chromium, SwiftShader)`);
console.log(`  ${pad('bare MapLibre page, same base layers', 46)} ${median(bare).toFixed(0)} ms   (runs: ${bare.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`  ${pad('the atlas (base + province plan + UI)', 46)} ${median(app).toFixed(0)} ms   (runs: ${app.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`  ${pad('ratio atlas / bare', 46)} ${ratio.toFixed(2)}      budget ≤ 1.20`);
