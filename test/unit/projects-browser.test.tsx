/** The project browser component against the real published layers (served by a fetch stub). */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCatalogue } from '../../src/data/catalogue';
import { resetDataLayer } from '../../src/data/reset';
import { loadProjects } from '../../src/data/tables';
import { ProjectBrowser } from '../../src/features/projects/ProjectBrowser';
import { emptyProjectFilters } from '../../src/state/projects-slice';
import { useAtlasStore } from '../../src/state/store';
import { servePublic } from './public-fetch';

const initial = useAtlasStore.getState();
let savedUrl: { create: typeof URL.createObjectURL; revoke: typeof URL.revokeObjectURL };
// jsdom lays nothing out: give the list's scroller the height of a tall screen, so the window holds every row.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
  configurable: true,
  get(this: HTMLElement) {
    return this.classList.contains('pb-scroll') ? 20_000 : 0;
  },
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});

beforeEach(() => {
  useAtlasStore.setState(initial, true);
  resetDataLayer();
  servePublic();
  Element.prototype.scrollIntoView = () => undefined;
  savedUrl = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  Object.assign(URL, { createObjectURL: savedUrl.create, revokeObjectURL: savedUrl.revoke });
});

async function renderLoaded() {
  const view = render(<ProjectBrowser />);
  await act(async () => {
    await Promise.all([loadCatalogue(), loadProjects().catch(() => undefined)]);
  });
  return view;
}

/** The list's project rows (not the header, not the window's spacers). */
const bodyRows = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .filter((r) => r.classList.contains('pb-row'));
const nameButton = (row: HTMLElement) => row.querySelector<HTMLButtonElement>('.pb-name-button')!;
const openFilters = (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: /^筛选/ }));
const openBook = (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: /项目册/ }));

describe('project browser', () => {
  it('lists every project of every plan with its plan, category, county and element', async () => {
    await renderLoaded();
    const status = screen.getByRole('status');
    const total = Number(/共 (\d+) 个项目/.exec(status.textContent ?? '')?.[1]);
    expect(total).toBeGreaterThan(150);
    expect(bodyRows()).toHaveLength(total);
    const row = bodyRows().find((r) => within(r).queryByText('上海中医药大学附属曙光医院曲靖医院'))!;
    expect(row).toBeTruthy();
    expect(within(row).getByText('曲靖市')).toBeInTheDocument();
    expect(within(row).getByText('中医药')).toBeInTheDocument();
    expect(within(row).getByText('麒麟区')).toBeInTheDocument();
    expect(within(row).getByText('“中心”引领区')).toBeInTheDocument();
    expect(within(row).getByText('近似：县城驻地')).toHaveAttribute('title', '位置近似：县城驻地');
  });

  it('shows a loading state first', () => {
    render(<ProjectBrowser />);
    expect(screen.getByText('正在加载各规划的项目……')).toBeInTheDocument();
  });

  it('filters by plan and category from the store, with counts', async () => {
    useAtlasStore.getState().setProjectFilters({ plans: ['qujing'], categories: ['medical'] });
    await renderLoaded();
    const rows = bodyRows();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(within(r).getByText('曲靖市')).toBeInTheDocument();
      expect(within(r).getByText('医疗服务')).toBeInTheDocument();
    }
    expect(screen.getByRole('status').textContent).toMatch(new RegExp(`^${rows.length} / \\d+ 个项目$`));
    // The plan filter is the plan tree, with counts given the other filters; the active filters are chips.
    const plan = screen.getByLabelText('规划') as HTMLSelectElement;
    expect(plan.value).toBe('qujing');
    // Indented as in the plan menu: 曲靖市 nests in 云南省.
    expect(plan.selectedOptions[0]!.textContent).toBe(`\u3000曲靖市（${rows.length}）`);
    expect(screen.getByRole('button', { name: '移除筛选：曲靖市' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '移除筛选：医疗服务' })).toBeInTheDocument();
  });

  it('changes the store’s filters from the controls, and clears them', async () => {
    const user = userEvent.setup();
    await renderLoaded();
    await openFilters(user);
    await user.click(screen.getByRole('button', { name: /^医疗服务\s*\d+$/ }));
    expect(useAtlasStore.getState().projectFilters.categories).toEqual(['medical']);
    // Choosing a plan in the filter opens it in the plan menu too.
    await user.selectOptions(screen.getByLabelText('规划'), 'lincang');
    expect(useAtlasStore.getState().projectFilters.plans).toEqual(['lincang']);
    await vi.waitFor(() => expect(useAtlasStore.getState().planId).toBe('lincang'));
    await user.click(screen.getByRole('button', { name: '移除筛选：临沧市' }));
    expect(useAtlasStore.getState().projectFilters.plans).toEqual([]);
    await user.selectOptions(screen.getByLabelText('规划'), 'qujing');
    await user.type(screen.getByLabelText('搜索项目'), '医院');
    expect(useAtlasStore.getState().projectFilters.query).toBe('医院');
    await user.selectOptions(screen.getByLabelText('排序'), 'investment');
    expect(useAtlasStore.getState().projectFilters.sort).toBe('investment');
    await user.click(screen.getByRole('button', { name: '清除筛选' }));
    expect(useAtlasStore.getState().projectFilters).toEqual({ ...emptyProjectFilters, sort: 'investment' });
    expect(screen.queryByRole('button', { name: /^移除筛选/ })).toBeNull();
  });

  it('filters by county, grouped by prefecture, and by layout element', async () => {
    const user = userEvent.setup();
    await renderLoaded();
    await openFilters(user);
    await user.click(screen.getByText('全部', { selector: '.pb-county-current' }));
    const group = within(document.querySelector<HTMLElement>('.pb-county-body')!).getByRole('group', { name: '曲靖市' });
    await user.click(within(group).getByRole('checkbox', { name: /^罗平县/ }));
    expect(useAtlasStore.getState().projectFilters.counties).toEqual(['罗平县']);
    expect(bodyRows().every((r) => r.querySelector('.pb-county-cell')?.textContent === '罗平县')).toBe(true);
    await user.selectOptions(screen.getByLabelText('所属布局'), 'qujing-zone-luoping');
    expect(useAtlasStore.getState().projectFilters.element).toBe('qujing-zone-luoping');
    expect(bodyRows().length).toBeGreaterThan(0);
    await user.click(within(group).getByRole('checkbox', { name: /^曲靖市（全域）/ }));
    expect(useAtlasStore.getState().projectFilters.counties).toEqual(['罗平县', '曲靖市']);
  });

  it('says when nothing matches, and offers to clear the filters', async () => {
    const user = userEvent.setup();
    useAtlasStore.getState().setProjectFilters({ query: '没有这样的项目' });
    await renderLoaded();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('没有符合条件的项目。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /项目册/ })).toBeDisabled();
    const clear = screen.getAllByRole('button', { name: '清除筛选' });
    await user.click(clear[clear.length - 1]!);
    expect(useAtlasStore.getState().projectFilters.query).toBe('');
    expect(bodyRows().length).toBeGreaterThan(150);
  });

  it('selects a row from the keyboard: switches plan, selects and flies there', async () => {
    const user = userEvent.setup();
    useAtlasStore.getState().setProjectFilters({ plans: ['lincang'] });
    await renderLoaded();
    const first = nameButton(bodyRows()[0]!);
    first.focus();
    await user.keyboard('{Enter}');
    await act(async () => undefined);
    const s = useAtlasStore.getState();
    expect(s.planId).toBe('lincang');
    expect(s.selectedId).toMatch(/^lincang-/);
    expect(s.cameraRequest).toMatchObject({ kind: 'feature', id: s.selectedId });
    expect(bodyRows()[0]).toHaveAttribute('aria-current', 'true');
    expect(first).toHaveAttribute('aria-pressed', 'true');
    // Space works too, on another row.
    const second = nameButton(bodyRows()[1]!);
    second.focus();
    await user.keyboard(' ');
    await act(async () => undefined);
    expect(useAtlasStore.getState().selectedId).toBe(bodyRows()[1]!.getAttribute('data-id'));
  });

  it('highlights and scrolls to a project selected on the map', async () => {
    await renderLoaded();
    const target = bodyRows()[120]!.getAttribute('data-id')!;
    act(() => useAtlasStore.setState({ selectedId: target }));
    const row = bodyRows().find((r) => r.getAttribute('data-id') === target)!;
    expect(row).toHaveClass('is-selected');
  });

  it('downloads exactly the filtered, sorted list as CSV', async () => {
    const user = userEvent.setup();
    useAtlasStore.getState().setProjectFilters({ plans: ['menghai'], sort: 'investment' });
    await renderLoaded();
    let blob: Blob | undefined;
    Object.assign(URL, {
      createObjectURL: (b: Blob) => {
        blob = b;
        return 'blob:x';
      },
      revokeObjectURL: () => undefined,
    });
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    await openBook(user);
    await user.click(screen.getByRole('button', { name: /GIS/ }));
    await vi.waitFor(() => expect(names).toHaveLength(1));
    expect(names[0]).toMatch(/^yunnan-health-projects-menghai-gis-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = new TextDecoder().decode(await blob!.arrayBuffer());
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^plan,plan_title,element,name/);
    expect(lines).toHaveLength(bodyRows().length + 1);
    const shown = bodyRows().map((r) => r.getAttribute('data-id'));
    expect(lines.slice(1).every((l) => l.startsWith('menghai,'))).toBe(true);
    expect(shown.length).toBeGreaterThan(5);
    await openBook(user);
    await user.click(screen.getByRole('button', { name: /GeoJSON/ }));
    await vi.waitFor(() => expect(names).toHaveLength(2));
    expect(names[1]).toMatch(/\.geojson$/);
    const fc = JSON.parse(new TextDecoder().decode(await blob!.arrayBuffer())) as { features: { properties: { id: string } }[] };
    expect(fc.features.map((x) => x.properties.id)).toEqual(shown);
  });

  it('reads one project table, not every plan’s layer, and still lists everything when a plan’s layer is broken', async () => {
    vi.unstubAllGlobals();
    servePublic({ 'geo/plans/lincang.geojson': { type: 'nonsense' } });
    const asked: string[] = [];
    const served = globalThis.fetch;
    vi.stubGlobal('fetch', (input: string | URL) => {
      asked.push(new URL(String(input), document.baseURI).pathname);
      return served(input);
    });
    await renderLoaded();
    expect(asked.filter((p) => p.endsWith('.geojson'))).toEqual([]);
    expect(bodyRows().some((r) => r.getAttribute('data-id')?.startsWith('lincang-'))).toBe(true);
    expect(screen.queryByText('正在加载各规划的项目……')).toBeNull();
  });

  it('says so, in the list, when the project table cannot load', async () => {
    vi.unstubAllGlobals();
    servePublic({ 'geo/plans/projects.json': { nonsense: true } });
    await renderLoaded();
    expect(screen.getByText('项目表无法加载。')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('speaks English when asked, keeping plan content in Chinese', async () => {
    useAtlasStore.setState({ lang: 'en' });
    useAtlasStore.getState().setProjectFilters({ plans: ['qujing'] });
    await renderLoaded();
    expect(screen.getByRole('heading', { name: 'Health-service projects' })).toBeInTheDocument();
    expect(screen.getByRole('status').textContent).toMatch(/^\d+ of \d+ projects$/);
    expect(screen.getByText('上海中医药大学附属曙光医院曲靖医院')).toBeInTheDocument();
    expect(screen.getAllByText('Qujing').length).toBeGreaterThan(1);
  });

  it('sorts from the column headers', async () => {
    const user = userEvent.setup();
    await renderLoaded();
    await user.click(screen.getByRole('button', { name: /^项目名称/ }));
    expect(useAtlasStore.getState().projectFilters.sort).toBe('name');
    expect(screen.getByRole('columnheader', { name: /项目名称/ })).toHaveAttribute('aria-sort', 'ascending');
    const names = bodyRows().map((r) => nameButton(r).textContent!);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')));
  });
});
