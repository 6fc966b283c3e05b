/** Names the GSHHG river lines: each named river is the cheapest path through the network via its waypoints. */
import * as turf from '@turf/turf';
import type { Hydro } from './hydro-source';
import { buildRiverGraph, shortestPath, snap } from './river-graph';
import type { River } from './tables';
import type { Pt } from './util';

/** A river line to draw: its name ('' for lines on no named path) and rank. */
export interface RiverPiece {
  name: string;
  rank: number;
  coords: Pt[];
}
/** How each named river went, for the README and the console. */
export type RiverReport = { name: string; ok: false; why: string } | { name: string; ok: true; km: number };

/** The river lines, named where they lie on a named river's path, and a report per named river. */
export function nameRivers(hydro: Hydro, rivers: River[], isChina: (p: Pt) => boolean): { features: RiverPiece[]; report: RiverReport[] } {
  const lines = hydro.rivers;
  const nodes = buildRiverGraph(lines);
  const named = new Set<string>(); // `${line}:${i}` of edges that belong to a named river
  const features: RiverPiece[] = [];
  const report: RiverReport[] = [];
  for (const def of rivers) {
    const snapped = def.via.map((p) => snap(nodes, lines, p, def.snapLevel ?? 2));
    const missing = def.via.filter((_, i) => !snapped[i]);
    if (missing.length) {
      report.push({ name: def.name, ok: false, why: `waypoint(s) ${JSON.stringify(missing)} not near a river` });
      continue;
    }
    const coords: Pt[] = [];
    let ok = true;
    for (let i = 0; i + 1 < snapped.length; i++) {
      const sp = shortestPath(snapped[i]!, snapped[i + 1]!);
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
    const runs: { abroad: boolean; coords: Pt[] }[] = [];
    for (const p of coords) {
      const abroad = Boolean(def.abroad) && !isChina(p);
      const last = runs[runs.length - 1];
      if (last && last.abroad === abroad) last.coords.push(p);
      else runs.push({ abroad, coords: last ? [last.coords[last.coords.length - 1]!, p] : [p] });
    }
    // Absorb short flickers along border stretches (< 3 km) into the previous run.
    for (let i = 1; i < runs.length; i++) {
      const run = runs[i]!;
      if (turf.length(turf.lineString(run.coords.length > 1 ? run.coords : [run.coords[0]!, run.coords[0]!])) < 3) {
        runs[i - 1]!.coords.push(...run.coords.slice(1));
        runs.splice(i, 1);
        i--;
        if (i >= 1 && runs[i]!.abroad === runs[i - 1]!.abroad) {
          runs[i - 1]!.coords.push(...runs[i]!.coords.slice(1));
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
      features.push({ name: run.abroad ? def.abroad! : def.name, rank: def.rank, coords: run.coords });
    }
    report.push({ name: def.name, ok: true, km: Math.round(km) });
  }
  // Everything not on a named path: maximal unnamed runs.
  const rankOfLevel = (lv: number) => (lv <= 2 ? 2 : 3);
  lines.forEach((r, li) => {
    let run: Pt[] | null = null;
    for (let i = 0; i + 1 < r.coords.length; i++) {
      if (!named.has(`${li}:${i}`)) {
        if (!run) run = [r.coords[i]!];
        run.push(r.coords[i + 1]!);
      } else if (run) {
        features.push({ name: '', rank: rankOfLevel(r.level), coords: run });
        run = null;
      }
    }
    if (run) features.push({ name: '', rank: rankOfLevel(r.level), coords: run });
  });
  return { features, report };
}
