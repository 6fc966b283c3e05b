/** The projects view's grid and box: what the map is handed instead of every listed point. */
import { describe, expect, it } from 'vitest';
import { aggregateByGrid, containsBox, countPlaces, gridCellPx, inBox, padBox } from '../../src/lib/project-grid';

const at = (id: string, lon: number, lat: number) => ({ id, lon, lat });
/** Degrees of longitude one screen pixel spans at an integer zoom (512-pixel tiles). */
const degPerPx = (zoom: number) => 360 / (512 * 2 ** zoom);

describe('aggregateByGrid', () => {
  it('counts the points of one cell as one disc at their mean position, with their bounding box', () => {
    // Three points a few pixels apart at zoom 5, well inside one 36-pixel cell.
    const d = degPerPx(5);
    const [cell, ...rest] = aggregateByGrid([at('a', 100.1, 25), at('b', 100.1 + 4 * d, 25), at('c', 100.1 + 8 * d, 25.01)], 5.7);
    expect(rest).toEqual([]);
    expect(cell!.count).toBe(3);
    expect(cell!.members).toBeUndefined();
    expect(cell!.lon).toBeCloseTo(100.1 + 4 * d, 9);
    expect(cell!.lat).toBeCloseTo((25 + 25 + 25.01) / 3, 9);
    expect(cell!.bbox).toEqual([100.1, 25, 100.1 + 8 * d, 25.01]);
  });

  it('keeps the members of a cell whose projects all stand on one point, so it is drawn as that place', () => {
    const [cell] = aggregateByGrid([at('a', 100.2, 23.5), at('b', 100.2, 23.5)], 4);
    expect(cell!.count).toBe(2);
    expect(cell!.members?.map((m) => m.id)).toEqual(['a', 'b']);
  });

  it('puts points farther apart than a cell into separate cells, and splits them at a higher zoom', () => {
    // 100 pixels apart at zoom 6: two cells; 1.5 pixels apart at zoom 6 are 12 pixels apart at zoom 9.
    const far = degPerPx(6) * (gridCellPx * 3);
    expect(aggregateByGrid([at('a', 100.01, 25), at('b', 100.01 + far, 25)], 6)).toHaveLength(2);
    // Two pixels into a cell at zoom 6 (cells are fixed on the world: points on either side of an edge part).
    const west = (Math.floor(280 / degPerPx(6) / gridCellPx) * gridCellPx + 2) * degPerPx(6) - 180;
    const near = [at('a', west, 25), at('b', west + degPerPx(6) * 1.5, 25)];
    expect(aggregateByGrid(near, 6)).toHaveLength(1);
    expect(aggregateByGrid(near, 12)).toHaveLength(2);
  });

  it('makes one disc of points either side of a cell edge, not two discs on each other', () => {
    const edge = Math.ceil(280 / degPerPx(6) / gridCellPx) * gridCellPx * degPerPx(6) - 180;
    const cells = aggregateByGrid([at('a', edge - degPerPx(6), 25), at('b', edge + degPerPx(6), 25), at('c', edge + degPerPx(6), 25.001)], 6);
    expect(cells.map((c) => c.count)).toEqual([3]);
  });

  it('counts every row once', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => at(String(i), 97.5 + ((i * 7919) % 1000) / 150, 21.2 + ((i * 104729) % 1000) / 130));
    const cells = aggregateByGrid(rows, 6);
    expect(cells.reduce((n, c) => n + c.count, 0)).toBe(1000);
  });
});

describe('inBox, countPlaces, padBox, containsBox', () => {
  it('countPlaces counts distinct points, and stops once past the limit', () => {
    const rows = [at('a', 100, 25), at('b', 100, 25), at('c', 100.5, 25), at('d', 101, 25), at('e', 101.5, 25)];
    expect(countPlaces(rows, 10)).toBe(4);
    expect(countPlaces(rows, 2)).toBe(3);
  });

  it('inBox keeps the rows inside the box, edges included', () => {
    const rows = [at('in', 100, 25), at('edge', 101, 26), at('west', 98, 25), at('north', 100, 27)];
    expect(inBox(rows, [99, 24, 101, 26]).map((r) => r.id)).toEqual(['in', 'edge']);
  });

  it('padBox grows the box by a share of its size on every side', () => {
    expect(padBox([100, 20, 102, 21], 0.5)).toEqual([99, 19.5, 103, 21.5]);
  });

  it('containsBox says whether a view is still inside the box held', () => {
    expect(containsBox([99, 19, 103, 22], [100, 20, 102, 21])).toBe(true);
    expect(containsBox([99, 19, 103, 22], [100, 20, 104, 21])).toBe(false);
  });
});
