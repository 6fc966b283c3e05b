/** The scale benchmark's table: the medians of the visits at each scale, side by side, with the budgets beside them. */
import { perPlan, realPlans, runs, searchChar, switchPlan } from './context';
import { oneChangeNames, oneChanges, type Variant } from './generate';
import type { Session } from './measure';

/** Prints the table: `results[i]` are the visits to `variants[i]`'s build. */
export function printTable(variants: Variant[], results: Session[][]): void {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
  const lpad = (s: string, n: number) => ' '.repeat(Math.max(0, n - [...s].length)) + s;
  const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : `${(n / 1024).toFixed(1)} KB`);
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const sec = (n: number) => (Number.isNaN(n) ? 'not run' : `${n.toFixed(1)} s`);
  const w = 12;
  const m = (i: number, f: (s: Session) => number | undefined) => {
    const xs = results[i]!.map(f).filter((x): x is number => x !== undefined && !Number.isNaN(x));
    return xs.length ? median(xs) : undefined;
  };
  const line = (label: string, cells: string[], budget = '') => console.log(`  ${pad(label, 46)} ${cells.map((c) => lpad(c, w)).join(' ')}  ${budget}`);
  const row = (label: string, f: (s: Session) => number | undefined, fmt: (n: number) => string, budget = '') =>
    line(
      label,
      variants.map((_, i) => {
        const x = m(i, f);
        return x === undefined ? '—' : fmt(x);
      }),
      budget,
    );
  const total = (s: Session) => Object.values(s.bytes).reduce((n, x) => n + x, 0);
  const kinds = ['HTML', 'JavaScript (incl. worker)', 'CSS', 'base geography', 'plan data', 'other'];
  const first = m(0, total) ?? 1;

  console.log(`\nScale benchmark: medians of ${runs} run(s), headless Chromium (SwiftShader), 1280×800; projects: the real plans' plus ${perPlan} per plan`);
  for (const v of variants) {
    console.log(
      `  ${v.label}: ${v.projects} projects${v.synth ? `, plan tree ${v.synth.maxDepth} levels deep` : ''}; ` +
        (v.publishedLevel
          ? `GENERATED at the published-file level: the real plans compiled, the ${v.plans - realPlans.length} synthetic plans' compiled forms copied from them, linked and published in the benchmark's process (publish.ts, as build:data does); build:data not run at this scale (see --only build)`
          : v.generated
            ? `GENERATED at the compiled level: the real plans compiled, the ${v.plans - realPlans.length} synthetic plans' compiled forms copied from them into the build cache, every published file written by build:data`
            : `every plan compiled by build:data${v.synth ? ' (synthetic plans from the real plans’ yaml)' : ''}`),
    );
  }
  console.log('');
  line(
    '',
    variants.map((v) => `${v.plans} plans`),
    'budget at 1,000 plans',
  );
  line(
    '',
    variants.map((v) => `${v.projects} proj.`),
  );
  row('first visit, gzip -9 (loaded before first idle)', total, kb, `≤ 1.1 × ${kb(first)}`);
  for (const k of kinds) if (results.some((rs) => rs.some((s) => s.bytes[k]))) row(`  ${k}`, (s) => s.bytes[k] ?? 0, kb);
  line(
    '  ratio to the first column',
    variants.map((_, i) => `${((m(i, total) ?? 0) / first).toFixed(2)}×`),
    '≤ 1.10×',
  );
  row(`search: bytes before the first result ('${searchChar}')`, (s) => s.searchBytes, kb, '≤ 300 KB');
  row('search: first result (focus + keystroke)', (s) => s.searchFirst, ms, '≤ 1 s');
  row('search: warm keystroke → results', (s) => s.searchWarm, ms, '≤ 100 ms');
  row('project list: first open → first row', (s) => s.listOpen, ms, '≤ 1 s');
  row('    of which fetching the list summary', (s) => s.listFetch, ms);
  row('project list: filter change (category chip)', (s) => s.filter, ms, '≤ 200 ms');
  row(`project list: plan filter (${switchPlan})`, (s) => s.planFilter, ms);
  row('map: filter change → points handed to the map', (s) => s.mapSet, ms);
  row('map: filter change → drawn (first frame with them)', (s) => s.mapDrawn, ms, '≤ 1 s');
  row('map: filter change → settled (idle, any framing flight ended)', (s) => s.mapSettled, ms);
  row('map: longest main-thread task meanwhile', (s) => s.mapStall, ms, '≤ 200 ms');
  row('heap after list + search (main thread)', (s) => s.heap, mb, '≤ 200 MB');
  row('  heap at the list’s first open', (s) => s.heapOpen, mb);
  row('  heap with every part (no filter, all arrived)', (s) => s.heapAll, mb);
  row('  filters cleared → every part arrived', (s) => s.allParts, ms);
  row('  filters cleared → every project on the map', (s) => s.allDrawn, ms);
  row('download: the unfiltered list as CSV', (s) => s.csvTime, ms);
  row('  its size', (s) => s.csvBytes, kb);
  row('  JS heap at most meanwhile', (s) => s.csvHeap, mb);
  line(
    'build:data, all plans (see above)',
    variants.map((v) => sec(v.buildAll)),
  );
  for (const change of oneChanges)
    line(
      `build:data, one plan's ${oneChangeNames[change]} changed`,
      variants.map((v) => (Number.isNaN(v.buildOne[change]) ? '—' : sec(v.buildOne[change]))),
      '≤ 10 s',
    );
  console.log('\n  other interactions');
  row('navigation → map first idle', (s) => s.ready, ms);
  row('plan menu: click → tree items visible', (s) => s.menu, ms);
  row(`choose ${switchPlan} in the menu → drawn, idle`, (s) => s.switchTo, ms);
  row('  a nested copy (filtered by name)', (s) => s.switchNested, ms);
  row(
    'DOM nodes with the project list open',
    (s) => s.domNodes,
    (n) => n.toFixed(0),
  );
  row(
    '  list rows in the DOM (windowed)',
    (s) => s.rowsInDom,
    (n) => n.toFixed(0),
  );

  console.log('\nPublished files (raw / gzip -9): the catalogue on the first visit, the list’s summary on its first open, its parts by filter');
  for (const f of Object.keys(variants[0]!.published)) {
    line(
      `  ${f} raw`,
      variants.map((v) => kb(v.published[f]!.raw)),
    );
    line(
      `  ${f} gzip`,
      variants.map((v) => kb(v.published[f]!.gz)),
    );
  }
  console.log('\nFirst-visit files, gzip -9 (first counted run)');
  for (const [i, v] of variants.entries()) {
    const files = results[i]![0]?.files ?? [];
    console.log(`  ${v.label}: ${files.map((f) => `${f.url} ${kb(f.gz)}`).join(', ')}`);
  }
  for (const [i, v] of variants.entries()) {
    const errors = [...new Set(results[i]!.flatMap((s) => s.errors))];
    console.log(`\nPage errors, ${v.label}: ${errors.length ? errors.join(' | ') : 'none'}`);
  }
}
