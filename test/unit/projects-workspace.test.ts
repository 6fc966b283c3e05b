/** The investors' workspace as pure functions: places shared by several projects, totals, the shortlist in the URL. */
import { describe, expect, it } from 'vitest';
import { parseHash, formatHash } from '../../src/features/url-state/hash-state';
import { placeFeatures } from '../../src/features/map/plan-sources';
import type { ProjectPoint } from '../../src/lib/atlas-data';
import { projectLayers } from '../../src/features/map/project-layers';
import { projectsPadding } from '../../src/features/map/camera';
import { cleanShortlist, groupByPlace, investmentTotal, projectsBbox, shortlistMax } from '../../src/lib/project-filter';

const point = (id: string, lon: number, lat: number, extra: Partial<ProjectPoint> = {}): ProjectPoint => ({
  id,
  plan: 'p',
  name: `项目${id}`,
  category: 'medical',
  precision: 'county',
  county: '勐海县',
  lon,
  lat,
  ...extra,
});

describe('projects that share a point', () => {
  it('groups by point, keeping the order given', () => {
    const groups = groupByPlace([point('a', 100, 22), point('b', 101, 23), point('c', 100, 22)]);
    expect(groups.map((g) => g.members.map((m) => m.id))).toEqual([['a', 'c'], ['b']]);
  });

  it('draws a shared point as one place marker with its count and list, never as a ring of offset points', () => {
    const fc = placeFeatures([point('a', 100.4, 21.9), point('b', 100.4, 21.9, { category: 'tcm' }), point('c', 100.6, 22.1, { precision: 'exact' })]);
    expect(fc.features).toHaveLength(2);
    const [place, single] = fc.features;
    expect(place!.geometry.coordinates).toEqual([100.4, 21.9]);
    expect(place!.properties).toMatchObject({ count: 2, county: '勐海县', approximate: true, category: 'mixed', ids: ',a,b,' });
    expect(JSON.parse(String(place!.properties!.members)).map((m: { name: string }) => m.name)).toEqual(['项目a', '项目b']);
    // A project alone keeps its own point exactly.
    expect(single!.geometry.coordinates).toEqual([100.6, 22.1]);
    expect(single!.properties).toMatchObject({ id: 'c', count: 1 });
  });

  it('styles the place markers of the list only in the projects view', () => {
    const visibility = (projectsView: boolean) =>
      Object.fromEntries(
        projectLayers({ lang: 'zh', selectedId: null, projectsView, planProjectsHidden: false }).map((l) => [
          l.id,
          (l.layout as { visibility?: string }).visibility,
        ]),
      );
    expect(visibility(true)['browser-place']).toBe('visible');
    expect(visibility(true)['plan-place']).toBe('none');
    expect(visibility(false)['browser-place']).toBe('none');
    expect(visibility(false)['plan-place']).toBe('visible');
  });
});

describe('totals and frames', () => {
  it('adds the investments the plans give in 万元, converting 亿元, and counts those without one apart', () => {
    const total = investmentTotal([{ investment: { amount: 2, unit: '亿元' } }, { investment: { amount: 8500, unit: '万元' } }, {}]);
    expect(total).toEqual({ wan: 28_500, given: 2, count: 3 });
  });

  it('boxes the projects’ points', () => {
    expect(projectsBbox([point('a', 100, 22), point('b', 102, 21)])).toEqual([100, 21, 102, 22]);
    expect(projectsBbox([])).toBeUndefined();
  });

  it('keeps the frame clear of the details card in the projects view', () => {
    const stage = { clientWidth: 1366 } as HTMLElement;
    const container = { clientWidth: 738, clientHeight: 704, closest: () => stage } as unknown as HTMLElement;
    const without = projectsPadding(container, false);
    const withCard = projectsPadding(container, true);
    // The card is 360 px wide, 12 px from the map's right edge.
    expect(withCard.right).toBeGreaterThanOrEqual(360 + 12);
    expect(withCard.right).toBeGreaterThan(without.right);
    expect(withCard.left + withCard.right).toBeLessThan(738);
  });
});

describe('the shortlist in the URL', () => {
  it('reads and writes shortlist ids, dropping malformed ones', () => {
    const state = parseHash('#view=projects&shortlist=qujing-core,<script>,menghai-x,qujing-core');
    expect(state.shortlist).toEqual(['qujing-core', 'menghai-x']);
    expect(formatHash({ view: 'projects', shortlist: ['a-b', 'c-d'] })).toBe('#view=projects&shortlist=a-b,c-d');
  });

  it('caps the shortlist well above the plans’ projects', () => {
    expect(cleanShortlist(Array.from({ length: 300 }, (_, i) => `p-${i}`))).toHaveLength(300);
    expect(cleanShortlist(Array.from({ length: shortlistMax + 1 }, (_, i) => `p-${i}`))).toHaveLength(shortlistMax);
  });
});
