/**
 * The rivers and lakes intermediate file (scripts/sources/gshhg-yunnan-hydro.json): derived from GSHHG with GMT
 * (`--refresh-hydro`), or read as committed so the build needs no GMT.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import * as turf from '@turf/turf';
import { z } from 'zod';
import { key6, log, type Pt, readJson, roundCoords } from './util';

/** The region the hydro file covers: west, south, east, north. */
export const HYDRO_REGION: [number, number, number, number] = [97.5, 21, 106.5, 29.5];

const pt = z.tuple([z.number(), z.number()]);
const hydroSchema = z.object({
  source: z.object({
    description: z.string(),
    command: z.array(z.string()),
    gmt: z.string(),
    debian: z.object({ gmt: z.string(), 'gmt-gshhg-full': z.string() }),
    simplified: z.string(),
  }),
  rivers: z.array(z.object({ level: z.number().int(), coords: z.array(pt).min(2) })),
  lakes: z.array(z.array(pt).min(4)),
});
/** The hydro file: GSHHG/WDBII river lines with their level, lake rings, and how they were derived. */
export type Hydro = z.infer<typeof hydroSchema>;
/** A river line of one WDBII level. */
export type HydroLine = Hydro['rivers'][number];

/** Reads and checks the committed hydro file; a bad one is reported by field. */
export function readHydro(file: string, root: string): Hydro {
  const result = hydroSchema.safeParse(readJson(file));
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new Error(`${relative(root, file)}: ${issue.path.join('.') || '(whole file)'}: ${issue.message} (rebuild it with --refresh-hydro)`);
}

/** GMT's multi-segment text as pieces, each with the WDBII level from its `>` header; degenerate pieces dropped. */
function parseGmt(text: string): HydroLine[] {
  const segs: HydroLine[] = [];
  let cur: HydroLine | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('>')) {
      const m = line.match(/Level (\d+)/);
      cur = { level: m ? +m[1]! : 0, coords: [] };
      segs.push(cur);
    } else if (line.trim() && cur) {
      const [x, y] = line.trim().split(/\s+/).map(Number);
      cur.coords.push([x!, y!]);
    }
  }
  return segs.filter((s) => s.coords.length >= 2 && !(s.coords.length === 2 && s.coords[0]![0] === s.coords[1]![0] && s.coords[0]![1] === s.coords[1]![1]));
}

const first = (c: Pt[]) => c[0]!;
const last = (c: Pt[]) => c[c.length - 1]!;

/** Join bin-clipped pieces that meet end to start (same level) into longer lines. */
function chainSegments(segs: HydroLine[]): HydroLine[] {
  const starts = new Map<string, number[]>();
  const ends = new Map<string, number[]>();
  segs.forEach((s, i) => {
    const a = key6(first(s.coords));
    const b = key6(last(s.coords));
    (starts.get(a) ?? starts.set(a, []).get(a)!).push(i);
    (ends.get(b) ?? ends.set(b, []).get(b)!).push(i);
  });
  const used = new Set<number>();
  const out: HydroLine[] = [];
  // A piece continues another when exactly one piece ends where it starts, and that piece has only it as successor.
  const next = (i: number): number => {
    const b = key6(last(segs[i]!.coords));
    const cands = (starts.get(b) ?? []).filter((j) => j !== i && segs[j]!.level === segs[i]!.level);
    return cands.length === 1 && (ends.get(b) ?? []).length === 1 && (starts.get(b) ?? []).length === 1 ? cands[0]! : -1;
  };
  const hasPrev = (i: number): boolean => {
    const a = key6(first(segs[i]!.coords));
    const cands = (ends.get(a) ?? []).filter((j) => j !== i && segs[j]!.level === segs[i]!.level);
    return cands.length === 1 && next(cands[0]!) === i;
  };
  const order = segs.map((_, i) => i);
  for (const pass of [0, 1]) {
    for (const i of order) {
      if (used.has(i) || (pass === 0 && hasPrev(i))) continue;
      const coords = [...segs[i]!.coords];
      used.add(i);
      let j = next(i);
      while (j >= 0 && !used.has(j)) {
        used.add(j);
        coords.push(...segs[j]!.coords.slice(1));
        j = next(j);
      }
      out.push({ level: segs[i]!.level, coords });
    }
  }
  return out;
}

/** Close lake shoreline pieces (GSHHG bins cut them) into rings. */
function stitchRings(segs: HydroLine[]): Pt[][] {
  const rings: Pt[][] = [];
  const open: Pt[][] = [];
  for (const s of segs) {
    if (key6(first(s.coords)) === key6(last(s.coords))) rings.push(s.coords);
    else open.push(s.coords);
  }
  const byStart = new Map(open.map((c, i) => [key6(first(c)), i]));
  const used = new Set<number>();
  for (let i = 0; i < open.length; i++) {
    if (used.has(i)) continue;
    const ring = [...open[i]!];
    used.add(i);
    let guard = 0;
    while (key6(first(ring)) !== key6(last(ring)) && guard++ < 1000) {
      const j = byStart.get(key6(last(ring)));
      if (j === undefined || used.has(j)) break;
      used.add(j);
      ring.push(...open[j]!.slice(1));
    }
    if (key6(first(ring)) === key6(last(ring))) rings.push(ring);
    else log(`  note: dropped a shoreline left open by the region edge (${ring.length} points)`);
  }
  return rings;
}

/** Re-derives the hydro file from GSHHG with GMT (Debian: apt-get install gmt gmt-gshhg-full). */
export function refreshHydro(file: string, root: string): void {
  const R = `-R${HYDRO_REGION[0]}/${HYDRO_REGION[2]}/${HYDRO_REGION[1]}/${HYDRO_REGION[3]}`;
  const gmt = (...a: string[]) => execFileSync('gmt', a, { encoding: 'utf8', maxBuffer: 1 << 28 });
  let version: string;
  try {
    version = gmt('--version').trim();
  } catch {
    throw new Error('--refresh-hydro needs GMT with the full GSHHG data: apt-get install gmt gmt-gshhg-full');
  }
  const dpkg = (p: string) => {
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
    const parts = (c.type === 'LineString' ? [c.coordinates] : c.coordinates) as Pt[][];
    return parts.filter((p) => p.length >= 2).map((coords) => ({ level: r.level, coords }));
  });
  // Lakes: GSHHG shoreline level 2 only (lakes and river-lakes), every size.
  const lakeRings = stitchRings(parseGmt(gmt('coast', R, '-Df', '-W2', '-A0/2/2', '-M'))).filter((ring) => {
    const [x, y] = turf.centroid(turf.polygon([ring])).geometry.coordinates as Pt;
    return x >= w && x <= e && y >= so && y <= n;
  });
  // Keep it compact: simplify at ~100 m and round to 4 decimals (~10 m).
  const simplifyLine = (coords: Pt[], tol: number) =>
    turf.simplify(turf.lineString(coords), { tolerance: tol, highQuality: true }).geometry.coordinates as Pt[];
  const out: Hydro = {
    source: {
      description: 'GSHHG/WDBII rivers (all levels) and GSHHG level-2 shorelines (lakes), full resolution',
      command: [`gmt coast ${R} -Df -Ia -M`, `gmt coast ${R} -Df -W2 -A0/2/2 -M`],
      gmt: version,
      debian: { gmt: dpkg('gmt'), 'gmt-gshhg-full': dpkg('gmt-gshhg-full') },
      simplified: 'Douglas-Peucker 0.001°, coordinates rounded to 4 decimals',
    },
    rivers: rivers.map((r) => ({ level: r.level, coords: roundCoords(simplifyLine(r.coords, 0.001)) })).filter((r) => r.coords.length >= 2),
    lakes: lakeRings
      .map((ring) => roundCoords(turf.simplify(turf.polygon([ring]), { tolerance: 0.0005, highQuality: true }).geometry.coordinates[0] as Pt[]))
      .filter((ring) => ring.length >= 4),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify(out, null, 0)
      .replace(/\{"level"/g, '\n{"level"')
      .replace(/\],\[\[/g, '],\n[[')}\n`,
  );
  log(`  wrote ${relative(root, file)}: ${out.rivers.length} river lines, ${out.lakes.length} lakes`);
}
