/**
 * `node scripts/run-bundled.mjs scripts/<script>.ts [args]`: runs a TypeScript script with plain Node from a bundle made
 * by esbuild (node_modules/.cache/atlas-scripts), made again only when one of the files it was made from changed.
 * Why: `npm run build:data` after a one-plan change is a few seconds of work, and starting it through tsx cost
 * ~1.8 s CPU more than the bundle (tsx transforms and resolves some 700 modules one by one, @turf/turf alone is 2 s
 * of wall time on a loaded machine); the bundle holds only the functions the script uses and loads in ~0.4 s.
 * Plain JavaScript, because it is what starts before any TypeScript can run.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const [entryArg, ...args] = process.argv.slice(2);
if (!entryArg) {
  console.error('usage: node scripts/run-bundled.mjs <script.ts> [args]');
  process.exit(2);
}
const entry = resolve(entryArg);
// One bundle per entry path: a scratch copy of the project (the scale benchmark) links this node_modules.
const tag = createHash('sha256').update(entry).digest('hex').slice(0, 12);
const dir = resolve(root, 'node_modules/.cache/atlas-scripts');
const bundle = resolve(dir, `${basename(entry, '.ts')}-${tag}.mjs`);
const inputsFile = `${bundle}.inputs.json`;

/** The bundle is current when it exists and no file it was made from is newer (or gone). */
function current() {
  if (!existsSync(bundle) || !existsSync(inputsFile)) return false;
  const made = statSync(bundle).mtimeMs;
  try {
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
    return inputs.every((file) => statSync(file).mtimeMs <= made);
  } catch {
    return false;
  }
}

if (!current()) {
  const { buildSync } = await import('esbuild');
  mkdirSync(dir, { recursive: true });
  const aside = `${bundle}.${process.pid}`;
  const result = buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: aside,
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: root,
    // The bundled CommonJS packages (yaml) require Node's modules; the entry finds the project from its own folder.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    define: { 'import.meta.dirname': JSON.stringify(dirname(entry)) },
  });
  // Written aside and renamed, inputs first: a run at the same time sees the old bundle or the new, never half.
  writeFileSync(`${inputsFile}.${process.pid}`, JSON.stringify(Object.keys(result.metafile.inputs).map((f) => resolve(root, f))));
  renameSync(`${inputsFile}.${process.pid}`, inputsFile);
  renameSync(aside, bundle);
}
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(bundle).href);
