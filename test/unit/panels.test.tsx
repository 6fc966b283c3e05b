import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DetailsPanel } from '../../src/features/details/DetailsPanel';
import { Legend } from '../../src/features/legend/Legend';
import { loadCatalogue } from '../../src/data/catalogue';
import { loadPlan } from '../../src/data/plans';
import { resetDataLayer } from '../../src/data/reset';
import { PlanOverview } from '../../src/features/plans/PlanOverview';
import { PlanSwitcher } from '../../src/features/plans/PlanSwitcher';
import { useAtlasStore } from '../../src/state/store';
import { servePublic } from './public-fetch';

const initial = useAtlasStore.getState();

beforeEach(() => {
  useAtlasStore.setState(initial, true);
  resetDataLayer();
  servePublic();
});
afterEach(() => vi.unstubAllGlobals());

async function ready(planId: string) {
  await act(async () => {
    await Promise.all([loadCatalogue(), loadPlan(planId)]);
  });
}

describe('plan overview', () => {
  it('shows the document, the layout formula in the plan’s words and the indicator table', async () => {
    useAtlasStore.setState({ planId: 'lincang' });
    render(<PlanOverview />);
    await ready('lincang');
    expect(await screen.findByRole('heading', { level: 2, name: /临沧市“十四五”健康服务业发展规划/ })).toBeInTheDocument();
    expect(screen.getByText('临政发〔2022〕32号')).toBeInTheDocument();
    expect(screen.getByText(/构建一个中心、两带融合发展、示范引领多点融入/, { selector: '.formula' })).toBeInTheDocument();
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(10);
    expect(within(table).getAllByText(/预期性|约束性/).length).toBeGreaterThan(5);
  });

  it('lists named items the plan gives no place for', async () => {
    useAtlasStore.setState({ planId: 'lincang' });
    render(<PlanOverview />);
    await ready('lincang');
    expect(await screen.findByText(/13个精品“半山酒店”|半山酒店/)).toBeInTheDocument();
  });

  it('says so when a plan layer cannot load, and still shows the plan', async () => {
    vi.unstubAllGlobals();
    servePublic({ 'geo/plans/qujing.geojson': { type: 'nonsense' } });
    useAtlasStore.setState({ planId: 'qujing' });
    render(<PlanOverview />);
    await act(async () => {
      await loadCatalogue();
      await loadPlan('qujing').catch(() => undefined);
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('其它规划不受影响');
    expect(screen.getByText('“中心”引领、“多点”协同')).toBeInTheDocument();
    // Retry reloads the layer: with the real file served again, the plan's elements appear.
    vi.unstubAllGlobals();
    servePublic();
    await userEvent.setup().click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByRole('button', { name: /陆良县/ })).toBeInTheDocument();
  });
});

describe('details panel', () => {
  it('shows a zone’s place in the layout, functions, verbatim quote and related plan', async () => {
    const user = userEvent.setup();
    useAtlasStore.setState({ planId: 'yunnan', selectedId: 'yunnan-zone-diandong' });
    render(<DetailsPanel />);
    await ready('yunnan');
    expect(await screen.findByRole('heading', { level: 2, name: '滇东健康医疗服务业集聚区' })).toBeInTheDocument();
    expect(screen.getByText('六区 · 滇东健康医疗服务业集聚区')).toBeInTheDocument();
    expect(screen.getByText(/以曲靖建设省级区域医疗中心为契机/)).toBeInTheDocument();
    expect(screen.getByText(/三、空间布局/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /打开 曲靖市/ }));
    expect(useAtlasStore.getState().planId).toBe('qujing');
  });

  it('shows a project’s investment and an honest precision note', async () => {
    useAtlasStore.setState({ planId: 'menghai' });
    const layer = await loadPlan('menghai');
    const invested = layer.features.find((f) => f.properties.investment)!;
    useAtlasStore.setState({ selectedId: invested.properties.id });
    render(<DetailsPanel />);
    await ready('menghai');
    expect(await screen.findByText(/万元/)).toBeInTheDocument();
    expect(document.querySelector('.precision')).toHaveTextContent(/近似|示意|精确/);
  });

  it('closes with Escape and with its close button', async () => {
    const user = userEvent.setup();
    useAtlasStore.setState({ planId: 'shuangjiang', selectedId: 'shuangjiang-zone-mengku' });
    render(<DetailsPanel />);
    await ready('shuangjiang');
    await screen.findByRole('heading', { level: 2 });
    await user.keyboard('{Escape}');
    expect(useAtlasStore.getState().selectedId).toBeNull();
    useAtlasStore.setState({ selectedId: 'shuangjiang-zone-mengku' });
    await user.click(await screen.findByRole('button', { name: '关闭' }));
    expect(useAtlasStore.getState().selectedId).toBeNull();
  });

  it('renders markup in plan data as text, never as HTML', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    vi.unstubAllGlobals();
    const real = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/geo/plans/menghai.geojson'), 'utf8')) as { format: number; meta: unknown };
    servePublic({
      'geo/plans/menghai.geojson': {
        type: 'FeatureCollection',
        format: real.format,
        meta: real.meta,
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [100.45, 21.96] },
            properties: {
              id: 'menghai-evil',
              plan: 'menghai',
              role: 'project',
              name: evil,
              functions: [evil],
              projects: [],
              category: 'medical',
              county: '勐海县',
              counties: ['532822'],
              precision: 'county',
              source: { section: evil, quote: evil },
            },
          },
        ],
      },
    });
    useAtlasStore.setState({ planId: 'menghai', selectedId: 'menghai-evil' });
    const { container } = render(<DetailsPanel />);
    await ready('menghai');
    expect(await screen.findByRole('heading', { level: 2, name: evil })).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('legend', () => {
  it('explains what the plan on screen has and toggles roles and categories', async () => {
    const user = userEvent.setup();
    useAtlasStore.setState({ planId: 'shuangjiang' });
    render(<Legend />);
    await ready('shuangjiang');
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
  it('lists every layout element under the plan’s own terms, in the map’s colour, and selects it', async () => {
    const user = userEvent.setup();
    useAtlasStore.setState({ planId: 'shuangjiang' });
    const { container } = render(<Legend />);
    await ready('shuangjiang');
    const bundle = await loadPlan('shuangjiang');
    await screen.findByRole('group', { name: '规划布局' });
    const titles = [...container.querySelectorAll('.legend-group-title')].map((p) => p.textContent);
    expect(titles).toEqual(['两区', '一园', '三带', '多点支撑']);
    const mengku = screen.getByRole('button', { name: '勐库康养示范区' });
    const park = screen.getByRole('button', { name: '双江自治县生物医药产业园' });
    // The swatch's colour: its stroke or fill that is not the white halo.
    const colourOf = (b: HTMLElement) =>
      [...b.querySelectorAll('svg *')].flatMap((el) => [el.getAttribute('stroke'), el.getAttribute('fill')]).find((c) => c && c !== '#fff' && c !== 'none');
    // Each entry has the colour the map gives that element: the 勐库 zone is not drawn in the park's colour.
    expect(colourOf(mengku)).toBe(bundle.colors.get('shuangjiang-zone-mengku'));
    expect(colourOf(park)).toBe(bundle.colors.get('shuangjiang-park'));
    expect(colourOf(mengku)).not.toBe(colourOf(park));
    await user.click(mengku);
    expect(useAtlasStore.getState().selectedId).toBe('shuangjiang-zone-mengku');
    expect(useAtlasStore.getState().cameraRequest).toMatchObject({ kind: 'feature', id: 'shuangjiang-zone-mengku' });
  });
});

describe('plan switcher', () => {
  it('is a tree of the plans as they nest: type to filter, arrow keys to move, Enter to choose', async () => {
    const user = userEvent.setup();
    useAtlasStore.setState({ planId: 'yunnan' });
    render(<PlanSwitcher />);
    await ready('yunnan');
    await user.click(await screen.findByRole('button', { name: /规划/ }));
    const tree = screen.getByRole('tree');
    const names = () =>
      within(tree)
        .getAllByRole('treeitem')
        .map((li) => li.querySelector('.plan-menu-region')?.textContent);
    // The province is open; Lincang's county plan waits inside its closed branch.
    expect(names()).toEqual(['云南省', '曲靖市', '临沧市', '勐海县']);
    const filter = screen.getByRole('combobox');
    expect(filter).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowRight}');
    expect(names()).toEqual(['云南省', '曲靖市', '临沧市', '双江县', '勐海县']);
    expect(within(tree).getByRole('treeitem', { name: /临沧市/ })).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{ArrowDown}');
    expect(filter.getAttribute('aria-activedescendant')).toMatch(/shuangjiang$/);
    await user.keyboard('{Enter}');
    expect(useAtlasStore.getState().planId).toBe('shuangjiang');
    expect(useAtlasStore.getState().cameraRequest).toMatchObject({ kind: 'plan', plan: 'shuangjiang' });
    expect(screen.queryByRole('tree')).toBeNull();
    expect(screen.getByRole('button', { name: /规划/ })).toHaveFocus();
  });

  it('filters by place name, keeping each match in its branch', async () => {
    const user = userEvent.setup();
    render(<PlanSwitcher />);
    await ready('yunnan');
    await user.click(await screen.findByRole('button', { name: /规划/ }));
    await user.type(screen.getByRole('combobox'), '双江');
    const items = within(screen.getByRole('tree')).getAllByRole('treeitem');
    expect(items.map((li) => li.querySelector('.plan-menu-region')?.textContent)).toEqual(['云南省', '临沧市', '双江县']);
    await user.clear(screen.getByRole('combobox'));
    await user.type(screen.getByRole('combobox'), '没有这个地方');
    expect(screen.getByText('没有匹配的规划。')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('tree')).toBeNull();
  });
});
