/** The river network as a graph, for finding the cheapest path between waypoints (the river naming). */
import type { HydroLine } from './hydro-source';
import { key6, type Pt } from './util';

/** A step along a river line (`line` its index, `i` its segment; -1 for a bridge between lines) of cost `w`. */
export interface RiverEdge {
  to: RiverNode;
  line: number;
  i: number;
  w: number;
}
/** A river vertex, shared by every line passing through it. */
export interface RiverNode {
  k: string;
  p: Pt;
  edges: RiverEdge[];
}
/** The graph: vertices by their key6. */
export type RiverGraph = Map<string, RiverNode>;

/** Lesser WDBII levels (intermittent rivers, canals) cost more, so a path keeps to the main river. */
const levelCost = [1, 1, 1.3, 2.5, 4, 6, 6, 6, 10, 10, 10];

/** The graph of `rivers`, with line ends bridged to the line they join. */
export function buildRiverGraph(rivers: HydroLine[]): RiverGraph {
  const nodes: RiverGraph = new Map();
  const node = (p: Pt): RiverNode => {
    const k = key6(p);
    let n = nodes.get(k);
    if (!n) {
      n = { k, p, edges: [] };
      nodes.set(k, n);
    }
    return n;
  };
  rivers.forEach((r, li) => {
    for (let i = 0; i + 1 < r.coords.length; i++) {
      const a = node(r.coords[i]!);
      const b = node(r.coords[i + 1]!);
      if (a === b) continue;
      const w = Math.hypot(b.p[0] - a.p[0], b.p[1] - a.p[1]) * (levelCost[r.level] ?? 10);
      a.edges.push({ to: b, line: li, i, w });
      b.edges.push({ to: a, line: li, i, w });
    }
  });
  // WDBII lines stop just short of the river they join: bridge every line end to the nearest vertex of
  // another line within 0.02° (~2 km).
  rivers.forEach((r, li) => {
    for (const end of [r.coords[0]!, r.coords[r.coords.length - 1]!]) {
      const a = node(end);
      let best: Pt | null = null;
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

/** The vertex nearest `p` (within 0.12°) on a line of level <= maxLevel, or null. */
export function snap(nodes: RiverGraph, rivers: HydroLine[], p: Pt, maxLevel: number): RiverNode | null {
  let best: RiverNode | null = null;
  let bestD = 0.12;
  for (const n of nodes.values()) {
    if (!n.edges.some((e) => e.line >= 0 && rivers[e.line]!.level <= maxLevel)) continue;
    const d = Math.hypot(n.p[0] - p[0], n.p[1] - p[1]);
    if (d < bestD) {
      bestD = d;
      best = n;
    }
  }
  return best;
}

type HeapItem = [number, RiverNode];

/** The cheapest path from `from` to `to` (Dijkstra with a binary heap): its edges and points, or null. */
export function shortestPath(from: RiverNode, to: RiverNode): { edges: RiverEdge[]; pts: Pt[] } | null {
  const dist = new Map<string, number>([[from.k, 0]]);
  const prev = new Map<string, { n: RiverNode; e: RiverEdge }>();
  const heap: HeapItem[] = [[0, from]];
  const push = (item: HeapItem) => {
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const j = (i - 1) >> 1;
      if (heap[j]![0] <= heap[i]![0]) break;
      [heap[i], heap[j]] = [heap[j]!, heap[i]!];
      i = j;
    }
  };
  const pop = (): HeapItem => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && heap[l]![0] < heap[m]![0]) m = l;
        if (r < heap.length && heap[r]![0] < heap[m]![0]) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
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
  const edges: RiverEdge[] = [];
  const pts: Pt[] = [to.p];
  let k = to.k;
  while (k !== from.k) {
    const { n, e } = prev.get(k)!;
    edges.push(e);
    pts.push(n.p);
    k = n.k;
  }
  return { edges: edges.reverse(), pts: pts.reverse() };
}
