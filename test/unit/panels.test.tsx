import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DetailsPanel } from '../../src/features/details/DetailsPanel';
import { Legend, startsOpen } from '../../src/features/legend/Legend';
import { loadCatalogue } from '../../src/data/catalogue';
import { loadPlan } from '../../src/data/plans';
import { resetDataLayer } from '../../src/data/reset';
import { PlanOverview } from '../../src/features/plans/PlanOverview';
import { PlanSwitcher } from '../../src/features/plans/PlanSwitcher';
import { useAtlasStore } from '../../src/state/store';
import { compiledAtlas } from './fixtures/compiled-atlas';
import { serveFiles } from './public-fetch';

const initial = useAtlasStore.getState();
const { files, planFile } = compiledAtlas();
/** The fixture atlas served as published, with `overrides` in place of some of its files. */
const serve = (overrides: Record<string, unknown> = {}) => serveFiles({ ...files, ...overrides });

beforeEach(() => {
  useAtlasStore.setState(initial, true);
  resetDataLayer();
  serve();
});
afterEach(() => vi.unstubAllGlobals());

async function ready(planId: string) {
  await act(async () => {
    await Promise.all([loadCatalogue(), loadPlan(planId)]);
  });
}

describe('plan overview', () => {
  it('shows the document, the layout formula in the plan’s words and the indicator table', async () => {
    useAtlasStore.setState({ planId: 'alpha' });
    render(<PlanOverview />);
    await ready('alpha');
    expect(await screen.findByRole('heading', { level: 2, name: /示例市“十四五”健康服务业发展规划/ })).toBeInTheDocument();
    expect(screen.getByText('示例发〔2022〕1号')).toBeInTheDocument();
    expect(screen.getByText('一核两区一带多点', { selector: '.formula' })).toBeInTheDocument();
    const table = screen.getByRole('table');
    expect(within(table).getByRole('row', { name: /人均预期寿命/ })).toHaveTextContent('预期性');
    expect(within(table).getByRole('row', { name: /婴儿死亡率/ })).toHaveTextContent('约束性');
  });

  it('lists named items the plan gives no place for', async () => {
    useAtlasStore.setState({ planId: 'alpha' });
    render(<PlanOverview />);
    await ready('alpha');
    expect(await screen.findByText(/示例半山酒店/)).toBeInTheDocument();
  });

  it('says so when a plan layer cannot load, and still shows the plan', async () => {
    vi.unstubAllGlobals();
    serve({ 'geo/plans/alpha.geojson': { type: 'nonsense' } });
    useAtlasStore.setState({ planId: 'alpha' });
    render(<PlanOverview />);
    await act(async () => {
      await loadCatalogue();
      await loadPlan('alpha').catch(() => undefined);
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('其它规划不受影响');
    expect(screen.getByText('一核两区一带多点')).toBeInTheDocument();
    // Retry reloads the layer: with the published file served again, the plan's elements appear.
    vi.unstubAllGlobals();
    serve();
    await userEvent.setup().click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByRole('button', { name: /东部康养区/ })).toBeInTheDocument();
  });
});

describe('details panel', () => {
  it('shows a zone’s place in the layout, functions, verbatim quote and related plan', async () => {
    const user = userEvent.setup();
    useAtlasStore.setState({ planId: 'alpha', selectedId: 'alpha-zone-east' });
    render(<DetailsPanel />);
    await ready('alpha');
    expect(await screen.findByRole('heading', { level: 2, name: '东部康养区' })).toBeInTheDocument();
    expect(screen.getByText('两区 · 东部康养区')).toBeInTheDocument();
    expect(screen.getByText(/以双江县为重点，发展温泉康养/)).toBeInTheDocument();
    expect(screen.getByText(/第一章 第一节 空间布局/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /打开 双江县/ }));
    expect(useAtlasStore.getState().planId).toBe('beta-x');
  });

  it('shows a project’s investment and an honest precision note', async () => {
    useAtlasStore.setState({ planId: 'alpha', selectedId: 'alpha-spa' });
    const { rerender } = render(<DetailsPanel />);
    await ready('alpha');
    // A project placed only to its county says so (in its details and beside its place).
    expect((await screen.findAllByText('位置近似：县城驻地')).length).toBeGreaterThan(0);
    act(() => useAtlasStore.setState({ selectedId: 'alpha-hospital' }));
    rerender(<DetailsPanel />);
    expect(await screen.findByText('8,000 万元')).toBeInTheDocument();
    expect(screen.queryAllByText(/位置近似/)).toHaveLength(0);
  });

  it('closes with Escape and with its close button', async () => {
    const user = userEvent.setup();
    useAtlasStore.setState({ planId: 'alpha', selectedId: 'alpha-zone-east' });
    render(<DetailsPanel />);
    await ready('alpha');
    await screen.findByRole('heading', { level: 2 });
    await user.keyboard('{Escape}');
    expect(useAtlasStore.getState().selectedId).toBeNull();
    act(() => useAtlasStore.setState({ selectedId: 'alpha-zone-east' }));
    await user.click(await screen.findByRole('button', { name: '关闭' }));
    expect(useAtlasStore.getState().selectedId).toBeNull();
  });

  it('renders markup in plan data as text, never as HTML', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    vi.unstubAllGlobals();
    const real = planFile('alpha');
    serve({
      'geo/plans/alpha.geojson': {
        type: 'FeatureCollection',
        format: real.format,
        meta: real.meta,
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [100.0865, 23.8865] },
            properties: {
              id: 'alpha-evil',
              plan: 'alpha',
              role: 'project',
              name: evil,
              functions: [evil],
              projects: [],
              category: 'medical',
              county: '临翔区',
              counties: ['530902'],
              precision: 'county',
              source: { section: evil, quote: evil },
            },
          },
        ],
      },
    });
    useAtlasStore.setState({ planId: 'alpha', selectedId: 'alpha-evil' });
    const { container } = render(<DetailsPanel />);
    await ready('alpha');
    expect(await screen.findByRole('heading', { level: 2, name: evil })).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });
});

/** A laptop's window, where the legend starts open (on a tablet it starts folded: Legend `startsOpen`). */
function onLaptop() {
  const before = window.innerWidth;
  beforeEach(() => {
    window.innerWidth = 1366;
  });
  afterEach(() => {
    window.innerWidth = before;
  });
}

describe('legend', () => {
  onLaptop();
  it('starts folded on a phone or a tablet and in a small embed, open on a laptop or a projector', () => {
    expect([390, 768, 1024, 1180, 1280, 1366, 1920].map((w) => startsOpen(false, w, 800))).toEqual([false, false, false, false, true, true, true]);
    expect([startsOpen(true, 800, 500), startsOpen(true, 1280, 800)]).toEqual([false, true]);
  });

  it('explains what the plan on screen has and toggles roles and categories', async () => {
    const user = userEvent.setup();
    useAtlasStore.setState({ planId: 'alpha' });
    render(<Legend />);
    await ready('alpha');
    const belts = await screen.findByRole('checkbox', { name: /发展带/ });
    expect(screen.getByRole('checkbox', { name: /支撑点/ })).toBeChecked();
    expect(screen.getByText('示意范围（规划未给出边界）')).toBeInTheDocument();
    await user.click(belts);
    expect(useAtlasStore.getState().hiddenRoles).toEqual(['belt']);
    const category = screen.getAllByRole('checkbox').find((c) => c.closest('fieldset')?.textContent?.includes('项目类别'))!;
    await user.click(category);
    expect(useAtlasStore.getState().hiddenCategories).toHaveLength(1);
  });
});

describe('legend as the plan’s structure', () => {
  onLaptop();
  it('lists every layout element under the plan’s own terms, in the map’s colour, and selects it', async () => {
    const user = userEvent.setup();
    useAtlasStore.setState({ planId: 'alpha' });
    const { container } = render(<Legend />);
    await ready('alpha');
    const bundle = await loadPlan('alpha');
    await screen.findByRole('group', { name: '规划布局' });
    const titles = [...container.querySelectorAll('.legend-group-title')].map((p) => p.textContent);
    expect(titles).toEqual(['两区', '一核', '一带', '多点']);
    const mengku = screen.getByRole('button', { name: '东部康养区' });
    const park = screen.getByRole('button', { name: '临翔核心' });
    // The swatch's colour: its stroke or fill that is not the white halo.
    const colourOf = (b: HTMLElement) =>
      [...b.querySelectorAll('svg *')].flatMap((el) => [el.getAttribute('stroke'), el.getAttribute('fill')]).find((c) => c && c !== '#fff' && c !== 'none');
    // Each entry has the colour the map gives that element: the zone is not drawn in the core's colour.
    expect(colourOf(mengku)).toBe(bundle.colors.get('alpha-zone-east'));
    expect(colourOf(park)).toBe(bundle.colors.get('alpha-core'));
    expect(colourOf(mengku)).not.toBe(colourOf(park));
    await user.click(mengku);
    expect(useAtlasStore.getState().selectedId).toBe('alpha-zone-east');
    expect(useAtlasStore.getState().cameraRequest).toMatchObject({ kind: 'feature', id: 'alpha-zone-east' });
  });
});

describe('plan switcher', () => {
  it('is a tree of the plans as they nest: type to filter, arrow keys to move, Enter to choose', async () => {
    const user = userEvent.setup();
    useAtlasStore.setState({ planId: 'alpha' });
    render(<PlanSwitcher />);
    await ready('alpha');
    await user.click(await screen.findByRole('button', { name: /规划/ }));
    const tree = screen.getByRole('tree');
    const names = () =>
      within(tree)
        .getAllByRole('treeitem')
        .map((li) => li.querySelector('.plan-menu-region')?.textContent);
    // The root is open; gamma waits inside beta-x's closed branch.
    expect(names()).toEqual(['临沧市', '双江县']);
    const filter = screen.getByRole('combobox');
    expect(filter).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowRight}');
    expect(names()).toEqual(['临沧市', '双江县', '临翔区']);
    expect(within(tree).getByRole('treeitem', { name: /双江县/ })).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{ArrowDown}');
    expect(filter.getAttribute('aria-activedescendant')).toMatch(/gamma$/);
    await user.keyboard('{Enter}');
    expect(useAtlasStore.getState().planId).toBe('gamma');
    expect(useAtlasStore.getState().cameraRequest).toMatchObject({ kind: 'plan', plan: 'gamma' });
    expect(screen.queryByRole('tree')).toBeNull();
    expect(screen.getByRole('button', { name: /规划/ })).toHaveFocus();
  });

  it('filters by place name, keeping each match in its branch', async () => {
    const user = userEvent.setup();
    render(<PlanSwitcher />);
    await ready('alpha');
    await user.click(await screen.findByRole('button', { name: /规划/ }));
    await user.type(screen.getByRole('combobox'), '临翔');
    const items = within(screen.getByRole('tree')).getAllByRole('treeitem');
    expect(items.map((li) => li.querySelector('.plan-menu-region')?.textContent)).toEqual(['临沧市', '双江县', '临翔区']);
    await user.clear(screen.getByRole('combobox'));
    await user.type(screen.getByRole('combobox'), '没有这个地方');
    expect(screen.getByText('没有匹配的规划。')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('tree')).toBeNull();
  });
});
