/**
 * `npm run bench:xlsx -- 100000`: the time and memory to write the project list's Excel workbook for that many
 * projects (default 100,000), in Node, as the app writes it (src/features/projects/export-xlsx.ts). The rows are
 * today's published projects (made from the published layers, as the single file's projects.json) copied as often as needed, each copy with its own ids.
 * Prints the time (and the CPU time, steadier on a busy machine), the peak JS heap above the heap before writing
 * (sampled every few ms, so a lower bound), the peak resident memory of the process, and the file's size.
 * `--expose-gc` (as `npm run bench:xlsx` runs it) makes the heap before writing a steadier baseline. Writes nothing.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectsWorkbook } from '../src/features/projects/export-xlsx';
import type { CatalogueEntry } from '../src/lib/atlas-data';
import { investmentTotal, projectRows } from '../src/lib/project-filter';
import { wholeTableRows } from './lib/whole-tables';
import { publishedPaths } from '../src/lib/published-format';
import { rowsInMemory } from '../src/features/projects/row-source';

const root = resolve(import.meta.dirname, '..');
const read = (path: string): unknown => JSON.parse(readFileSync(resolve(root, 'public', path), 'utf8'));
const count = Number(process.argv[2] ?? 100_000);
if (!(count > 0)) throw new Error(`bench-xlsx: the number of projects must be positive, not “${process.argv[2]}”`);

const today = wholeTableRows(read).projects;
const plans = (read(publishedPaths.catalogue) as { plans: CatalogueEntry[] }).plans;
const records = Array.from({ length: count }, (_, i) => {
  const r = today[i % today.length]!;
  return { ...r, id: `${r.id}-${Math.floor(i / today.length)}` };
});
const rows = projectRows(
  records,
  plans.map((p) => p.id),
);
const total = investmentTotal(rows);

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const before = process.memoryUsage();
let peakHeap = before.heapUsed;
const sample = setInterval(() => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}, 5);
const started = performance.now();
const cpu = process.cpuUsage();
const blob = await projectsWorkbook(rowsInMemory(rows), { lang: 'zh', plans, total, source: 'bench' });
const seconds = (performance.now() - started) / 1000;
const cpuUsed = process.cpuUsage(cpu);
clearInterval(sample);
peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
console.log(
  `${count} projects: ${seconds.toFixed(1)} s (CPU ${((cpuUsed.user + cpuUsed.system) / 1e6).toFixed(1)} s), peak JS heap +${mb(peakHeap - before.heapUsed)} (heap before ${mb(before.heapUsed)}), ` +
    `peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} (RSS before ${mb(before.rss)}), file ${(blob.size / 2 ** 20).toFixed(1)} MB${gc ? '' : ' (no --expose-gc)'}`,
);
