/**
 * Writes dist/atlas-offline.html: the whole atlas in one file that opens by double-click (file://) with no server
 * and no network — for a meeting room, from a USB stick. Run by `npm run build` after `vite build`.
 *
 * 1. A second Vite build (mode `offline`) of the same app into a temporary folder, as one script (no code
 *    splitting, every asset inlined), with MapLibre's worker code inside that script
 *    (src/features/map/maplibre-worker-url.offline.ts replaces maplibre-worker-url.ts).
 * 2. That script and the stylesheet are inlined into the page, and every data file under public/geo/base,
 *    public/geo/plans and public/geo/sources, the whole search and project tables made from the plans' layers
 *    (`singleFileTables`), and the deployment setting public/atlas.config.json (checked first: the review number
 *    must not go missing from the file for the meeting), are embedded as `<script type="application/json"
 *    id="atlas-files">`, which src/data/fetch-asset.ts reads instead of fetching.
 * 3. A Content-Security-Policy meta lets nothing leave the file: the script is allowed by its sha256 hash,
 *    workers only from blob:/data:, images from data:/blob:, and nothing else but the two opt-in online basemaps.
 *
 * Usage: tsx scripts/build-offline.ts [--out dist/atlas-offline.html]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';
import { atlasConfigPath, parseAtlasConfig } from '../src/lib/atlas-config';
import { onlineTileHosts } from '../vite.config';
import { wholeTables } from './lib/whole-tables';

const root = resolve(import.meta.dirname, '..');
const outArg = process.argv.indexOf('--out');
const outFile = resolve(root, outArg > 0 && process.argv[outArg + 1] ? process.argv[outArg + 1]! : 'dist/atlas-offline.html');
/**
 * The data folders embedded whole; paths in the page are relative to public/, as the app asks for them. Not
 * public/geo/search nor public/geo/projects: shards repeat each entry some 25 times and parts exist to save
 * downloads, and a file downloads nothing; the app reads the whole tables (geo/plans/search.json, projects.json)
 * when the page carries them (src/data/search.ts, src/data/project-parts.ts).
 */
const dataDirs = ['public/geo/base', 'public/geo/plans', 'public/geo/sources'];
const dataFile = /\.(geo)?json$/;
const embeddedFilesId = 'atlas-files'; // as in src/data/fetch-asset.ts

/** Modules the single file replaces by their `.offline.ts` variant: MapLibre's worker inlined in the script. */
const offlineSwaps = ['src/features/map/maplibre-worker-url'];

/** Resolves each of `offlineSwaps` (imported as `./<name>`) to its offline variant; fails if one is never imported. */
function offlineVariants(): Plugin {
  const swaps = new Map(offlineSwaps.map((m) => [resolve(root, `${m}.ts`), resolve(root, `${m}.offline.ts`)]));
  const swapped = new Set<string>();
  return {
    name: 'atlas-offline-variants',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !offlineSwaps.some((m) => source.endsWith(m.slice(m.lastIndexOf('/'))))) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const offline = resolved && swaps.get(resolved.id);
      if (!offline) return null;
      swapped.add(resolved.id);
      return offline;
    },
    buildEnd() {
      const never = [...swaps.keys()].filter((m) => !swapped.has(m));
      if (never.length) this.error(`${never.map((m) => relative(root, m)).join(', ')} never imported: the offline build cannot swap in its offline variant`);
    },
  };
}

/** Every file under `dir`, recursively. */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** `{ "geo/plans/index.json": <json>, … }` as text safe inside a <script> element. */
function embeddedData(): { text: string; count: number } {
  const files: Record<string, unknown> = {};
  for (const dir of dataDirs) {
    for (const file of walk(resolve(root, dir))
      .filter((f) => dataFile.test(f))
      .sort()) {
      const path = relative(resolve(root, 'public'), file).split('\\').join('/');
      try {
        files[path] = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        throw new Error(`${relative(root, file)}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
      }
    }
  }
  Object.assign(
    files,
    wholeTables((path) => files[path]),
  );
  const configFile = resolve(root, 'public', atlasConfigPath);
  try {
    files[atlasConfigPath] = parseAtlasConfig(JSON.parse(readFileSync(configFile, 'utf8')), relative(root, configFile));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      throw e instanceof SyntaxError ? new Error(`${relative(root, configFile)}: not valid JSON (${e.message})`) : e;
  }
  // `<` only occurs inside JSON strings, where \u003c means the same: no `</script>` or `<!--` can end the element.
  return { text: JSON.stringify(files).replace(/</g, '\\u003c'), count: Object.keys(files).length };
}

/** Script text that the HTML parser cannot end early: `</script` and `<!--` are written with an escape. */
function scriptSafe(code: string, what: string): string {
  const safe = code.replace(/<\/(script)/gi, '<\\/$1');
  if (/<!--/.test(safe)) throw new Error(`${what}: contains “<!--”, which would confuse the HTML parser inside an inline script`);
  return safe;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

async function main() {
  const started = performance.now();
  // Always React's production build, even when started from a test runner (vitest sets NODE_ENV=test).
  process.env.NODE_ENV = 'production';
  const tmp = mkdtempSync(join(tmpdir(), 'atlas-offline-'));
  try {
    await build({
      root,
      configFile: resolve(root, 'vite.config.ts'),
      mode: 'offline',
      logLevel: 'warn',
      plugins: [offlineVariants()],
      build: {
        outDir: tmp,
        emptyOutDir: true,
        copyPublicDir: false,
        assetsInlineLimit: () => true,
        cssCodeSplit: false,
        modulePreload: false,
        sourcemap: false,
        reportCompressedSize: false,
        chunkSizeWarningLimit: 1e6,
        rolldownOptions: { output: { codeSplitting: false } },
      },
    });

    let html = readFileSync(join(tmp, 'index.html'), 'utf8');
    const emitted = walk(tmp)
      .map((f) => relative(tmp, f).split('\\').join('/'))
      .filter((f) => f !== 'index.html');
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*><\/script>/g)];
    const styles = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"[^>]*>/g)];
    if (scripts.length !== 1) throw new Error(`expected one script in the offline build's index.html, found ${scripts.length}`);
    const inlined = new Set([...scripts, ...styles].map((m) => m[1]!.replace(/^\.\//, '')));
    const stray = emitted.filter((f) => !inlined.has(f));
    if (stray.length) throw new Error(`the offline build emitted files that would not be in the page: ${stray.join(', ')}`);

    const code = scriptSafe(readFileSync(join(tmp, scripts[0]![1]!), 'utf8'), scripts[0]![1]!);
    const data = embeddedData();
    const csp = [
      "default-src 'none'",
      // Only the app's own script, by its hash: nothing else inline or from a file may run.
      `script-src ${sha256(code)}`,
      // Components and print set styles at run time; styles cannot send anything where img/connect/font forbid it.
      "style-src 'unsafe-inline'",
      `img-src data: blob: ${onlineTileHosts.join(' ')}`,
      `connect-src data: blob: ${onlineTileHosts.join(' ')}`,
      // MapLibre's worker: a blob: URL, which MapLibre turns into a data: URL on a file:// page (opaque origin).
      'worker-src blob: data:',
      'child-src blob: data:',
      'font-src data:',
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; ');

    // The page's own markup first, with placeholders, so that what is left to check is the page and not the code.
    const parts = new Map<string, string>();
    const placeholder = (text: string) => {
      const key = `\u0000atlas-part-${parts.size}\u0000`;
      parts.set(key, text);
      return key;
    };
    for (const m of scripts) html = html.replace(m[0], () => `<script type="module">${placeholder(code)}</script>`);
    for (const m of styles) {
      const css = readFileSync(join(tmp, m[1]!.replace(/^\.\//, '')), 'utf8');
      if (/<\/style/i.test(css)) throw new Error(`${m[1]}: contains “</style”`);
      html = html.replace(m[0], () => `<style>${placeholder(css)}</style>`);
    }
    html = html.replace(/<meta charset="UTF-8" \/>/i, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`);
    if (!html.includes('Content-Security-Policy')) throw new Error('index.html has no <meta charset="UTF-8" /> to put the CSP after');
    html = html.replace('</body>', () => `  <script type="application/json" id="${embeddedFilesId}">${placeholder(data.text)}</script>\n  </body>`);
    const leftover = html.match(/\b(?:src|href)="(?!data:|#)[^"]*"/g);
    if (leftover) throw new Error(`the offline page still refers to files: ${leftover.join(', ')}`);
    for (const [key, text] of parts) html = html.replace(key, () => text);

    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, html);
    const raw = Buffer.byteLength(html);
    const gzip = gzipSync(html, { level: 9 }).length;
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    console.log(
      `${relative(root, outFile)}: ${kb(raw)} raw, ${kb(gzip)} gzip (${data.count} data files embedded) in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
        `script ${kb(Buffer.byteLength(code))}, data ${kb(Buffer.byteLength(data.text))}`,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`build-offline: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
