/** The project browser component on a small fixture of plans (served by a fetch stub), one behaviour per test. */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCatalogue } from '../../src/data/catalogue';
import { resetDataLayer } from '../../src/data/reset';
import { whenProjectsSettled } from '../../src/data/project-parts';
import { ProjectBrowser } from '../../src/features/projects/ProjectBrowser';
import { projectPartPaths, summariseProjects, summaryFile } from '../../src/lib/project-summary';
import { emptyProjectFilters } from '../../src/state/projects-slice';
import { useAtlasStore } from '../../src/state/store';
import { fixtureFiles, fixtureProjects } from './fixtures/projects';
import { serveFiles } from './public-fetch';

const initial = useAtlasStore.getState();
let savedUrl: { create: typeof URL.createObjectURL; revoke: typeof URL.revokeObjectURL };
// jsdom lays nothing out: give the list's scroller a laptop's height (600 px), which holds the fixture's ten rows.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
  configurable: true,
  get(this: HTMLElement) {
    return this.classList.contains('pb-scroll') ? 600 : 0;
  },
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});

beforeEach(() => {
  useAtlasStore.setState(initial, true);
  resetDataLayer();
  serveFiles(fixtureFiles());
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
    await Promise.all([loadCatalogue(), whenProjectsSettled()]);
  });
  return view;
}

/** The list's project rows (not the header, not the window's spacers). */
const bodyRows = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .filter((r) => r.hasAttribute('data-id'));
const nameButton = (row: HTMLElement) => within(row).getByRole('rowheader').querySelector('button')!;
const rowIds = () => bodyRows().map((r) => r.getAttribute('data-id'));
const openFilters = (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: /^筛选/ }));
const openBook = (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: /项目册/ }));
const ofPlan = (plan: string) => fixtureProjects.filter((p) => p.plan === plan);

describe('project browser', () => {
  it('lists every project of every plan with its plan, category, county and element', async () => {
    await renderLoaded();
    expect(screen.getByRole('status').textContent).toBe(`共 ${fixtureProjects.length} 个项目`);
    expect(rowIds().sort()).toEqual(fixtureProjects.map((p) => p.id).sort());
    const row = bodyRows().find((r) => r.getAttribute('data-id') === 'city-tcm')!;
    expect(within(row).getByText('示例市中医医院')).toBeInTheDocument();
    expect(within(row).getByText('曲靖市')).toBeInTheDocument();
    expect(within(row).getByText('中医药')).toBeInTheDocument();
    expect(within(row).getByText('麒麟区')).toBeInTheDocument();
    expect(within(row).getByText('东部片区')).toBeInTheDocument();
  });

  it('says how approximate a location is', async () => {
    await renderLoaded();
    const row = bodyRows().find((r) => r.getAttribute('data-id') === 'city-hospital')!;
    expect(within(row).getByText('近似：县城驻地')).toHaveAttribute('title', '位置近似：县城驻地');
  });

  it('opens on the summary: the count, the plans’ counts and the first page before any plan’s part is in', async () => {
    const files = fixtureFiles();
    // Every plan's part is still on its way; the catalogue and the summary are in.
    vi.stubGlobal('fetch', (input: string | URL) => {
      const path = new URL(String(input), document.baseURI).pathname.replace(/^\//, '');
      if (path.startsWith('geo/projects/') && path !== projectPartPaths.summary) return new Promise(() => undefined);
      return Promise.resolve(new Response(JSON.stringify(files[path]), { status: 200 }));
    });
    render(<ProjectBrowser />);
    expect(await screen.findByText(`共 ${fixtureProjects.length} 个项目`)).toBeInTheDocument();
    expect(screen.getByText('已载入 0 / 3 个规划的项目')).toBeInTheDocument();
    expect(rowIds()).toEqual(fixtureProjects.map((p) => p.id));
    expect((screen.getByLabelText('规划') as HTMLSelectElement).options[2]!.textContent).toBe('\u3000曲靖市（5）');
  });

  it('shows a loading state first', () => {
    render(<ProjectBrowser />);
    expect(screen.getByText('正在加载各规划的项目……')).toBeInTheDocument();
  });

  it('filters by plan and category from the store, with counts', async () => {
    useAtlasStore.getState().setProjectFilters({ plans: ['city'], categories: ['medical'] });
    await renderLoaded();
    const expected = ofPlan('city').filter((p) => p.category === 'medical');
    expect(rowIds().sort()).toEqual(expected.map((p) => p.id).sort());
    expect(screen.getByRole('status').textContent).toBe(`${expected.length} / ${fixtureProjects.length} 个项目`);
  });

  it('shows the plan filter as the plan tree with counts, and the active filters as chips', async () => {
    useAtlasStore.getState().setProjectFilters({ plans: ['city'], categories: ['medical'] });
    await renderLoaded();
    const plan = screen.getByLabelText('规划') as HTMLSelectElement;
    expect(plan.value).toBe('city');
    // Indented as in the plan menu: the city plan nests in the province plan.
    expect(plan.selectedOptions[0]!.textContent).toBe('\u3000曲靖市（2）');
    expect(screen.getByRole('button', { name: '移除筛选：曲靖市' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '移除筛选：医疗服务' })).toBeInTheDocument();
  });

  it('a category chip counts from the summary at once, and its rows fill in as the parts arrive', async () => {
    // A summary whose first page holds three rows, and the county plan's part held back until released.
    const files: Record<string, unknown> = {
      ...fixtureFiles(),
      [projectPartPaths.summary]: summaryFile(summariseProjects(fixtureProjects, ['prov', 'city', 'county'], 3)),
    };
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    vi.stubGlobal('fetch', async (input: string | URL) => {
      const path = new URL(String(input), document.baseURI).pathname.replace(/^\//, '');
      if (path === projectPartPaths.part('county')) await held;
      return path in files ? new Response(JSON.stringify(files[path]), { status: 200 }) : new Response('not found', { status: 404 });
    });
    const user = userEvent.setup();
    render(<ProjectBrowser />);
    await screen.findByRole('button', { name: '示例省第一医院' });
    await openFilters(user);
    await user.click(screen.getByRole('button', { name: /^医疗服务\s*\d+$/ }));
    const medical = fixtureProjects.filter((p) => p.category === 'medical');
    // Exact before the county plan's part is in: four medical projects, one of them the county's.
    expect(screen.getByText(`${medical.length} / ${fixtureProjects.length} 个项目`)).toBeInTheDocument();
    await vi.waitFor(() => expect(rowIds()).toEqual(medical.filter((p) => p.plan !== 'county').map((p) => p.id)));
    await act(async () => {
      release();
      await whenProjectsSettled();
    });
    await vi.waitFor(() => expect(rowIds()).toEqual(medical.map((p) => p.id)));
  });

  it('sets a category from the filter panel', async () => {
    const user = userEvent.setup();
    await renderLoaded();
    await openFilters(user);
    await user.click(screen.getByRole('button', { name: /^医疗服务\s*\d+$/ }));
    expect(useAtlasStore.getState().projectFilters.categories).toEqual(['medical']);
  });

  it('opens a plan chosen in the plan filter in the plan menu too, and removes it with its chip', async () => {
    const user = userEvent.setup();
    await renderLoaded();
    await user.selectOptions(screen.getByLabelText('规划'), 'county');
    expect(useAtlasStore.getState().projectFilters.plans).toEqual(['county']);
    await vi.waitFor(() => expect(useAtlasStore.getState().planId).toBe('county'));
    await user.click(screen.getByRole('button', { name: '移除筛选：双江县' }));
    expect(useAtlasStore.getState().projectFilters.plans).toEqual([]);
  });

  it('searches and sorts from the controls, and clears the filters but not the sort', async () => {
    const user = userEvent.setup();
    await renderLoaded();
    await user.type(screen.getByLabelText('搜索项目'), '医院');
    expect(useAtlasStore.getState().projectFilters.query).toBe('医院');
    await openFilters(user);
    await user.selectOptions(screen.getByLabelText('排序'), 'investment');
    expect(useAtlasStore.getState().projectFilters.sort).toBe('investment');
    await user.click(screen.getByRole('button', { name: '清除筛选' }));
    expect(useAtlasStore.getState().projectFilters).toEqual({ ...emptyProjectFilters, sort: 'investment' });
    expect(screen.queryByRole('button', { name: /^移除筛选/ })).toBeNull();
  });

  it('filters by county, grouped by prefecture, and by a whole prefecture', async () => {
    const user = userEvent.setup();
    await renderLoaded();
    await openFilters(user);
    // The county list folds behind its summary line (what is chosen: 全部).
    await user.click(within(screen.getByRole('group', { name: '筛选项目' })).getByText('县（市、区）'));
    const group = screen.getAllByRole('group', { name: '曲靖市' }).find((g) => within(g).queryByRole('checkbox', { name: /^罗平县/ }));
    if (!group) throw new Error('罗平县 is not listed under 曲靖市');
    await user.click(within(group).getByRole('checkbox', { name: /^罗平县/ }));
    expect(useAtlasStore.getState().projectFilters.counties).toEqual(['罗平县']);
    expect(rowIds().sort()).toEqual(['city-care', 'city-hospital']);
    await user.click(within(group).getByRole('checkbox', { name: /^曲靖市（全域）/ }));
    expect(useAtlasStore.getState().projectFilters.counties).toEqual(['罗平县', '曲靖市']);
  });

  it('filters by layout element once a plan is chosen', async () => {
    const user = userEvent.setup();
    useAtlasStore.getState().setProjectFilters({ plans: ['city'] });
    await renderLoaded();
    await openFilters(user);
    await user.selectOptions(screen.getByLabelText('所属布局'), 'city-zone-east');
    expect(useAtlasStore.getState().projectFilters.element).toBe('city-zone-east');
    expect(rowIds().sort()).toEqual(['city-hospital', 'city-tcm']);
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
    expect(bodyRows()).toHaveLength(fixtureProjects.length);
  });

  it('selects a row from the keyboard: switches plan, selects and flies there', async () => {
    const user = userEvent.setup();
    useAtlasStore.getState().setProjectFilters({ plans: ['county'] });
    await renderLoaded();
    const first = nameButton(bodyRows()[0]!);
    first.focus();
    await user.keyboard('{Enter}');
    await act(async () => undefined);
    const s = useAtlasStore.getState();
    expect(s.planId).toBe('county');
    expect(s.selectedId).toBe(bodyRows()[0]!.getAttribute('data-id'));
    expect(s.cameraRequest).toMatchObject({ kind: 'feature', id: s.selectedId });
    expect(bodyRows()[0]).toHaveAttribute('aria-current', 'true');
    expect(first).toHaveAttribute('aria-pressed', 'true');
  });

  it('selects a row with Space too', async () => {
    const user = userEvent.setup();
    await renderLoaded();
    const second = nameButton(bodyRows()[1]!);
    second.focus();
    await user.keyboard(' ');
    await act(async () => undefined);
    expect(useAtlasStore.getState().selectedId).toBe(bodyRows()[1]!.getAttribute('data-id'));
  });

  it('highlights a project selected on the map', async () => {
    await renderLoaded();
    const target = rowIds().at(-1)!;
    act(() => useAtlasStore.getState().select(target));
    expect(bodyRows().find((r) => r.getAttribute('data-id') === target)).toHaveAttribute('aria-current', 'true');
  });

  it('downloads exactly the filtered, sorted list as CSV and as GeoJSON', async () => {
    const user = userEvent.setup();
    useAtlasStore.getState().setProjectFilters({ plans: ['city'], sort: 'investment' });
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
    const shown = rowIds();
    // Highest investment first (2 亿元 before 3000 万元), then the projects without one.
    expect(shown.slice(0, 2)).toEqual(['city-park', 'city-care']);
    await openBook(user);
    await user.click(screen.getByRole('button', { name: /GIS/ }));
    await vi.waitFor(() => expect(names).toHaveLength(1));
    expect(names[0]).toMatch(/^yunnan-health-projects-city-gis-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = new TextDecoder()
      .decode(await blob!.arrayBuffer())
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^plan,plan_title,element,name/);
    expect(lines).toHaveLength(shown.length + 1);
    expect(lines.slice(1).every((l) => l.startsWith('city,'))).toBe(true);
    await openBook(user);
    await user.click(screen.getByRole('button', { name: /GeoJSON/ }));
    await vi.waitFor(() => expect(names).toHaveLength(2));
    expect(names[1]).toMatch(/\.geojson$/);
    const fc = JSON.parse(new TextDecoder().decode(await blob!.arrayBuffer())) as { features: { properties: { id: string } }[] };
    expect(fc.features.map((x) => x.properties.id)).toEqual(shown);
  });

  it('reads one project table, not every plan’s layer', async () => {
    const asked: string[] = [];
    const served = globalThis.fetch;
    vi.stubGlobal('fetch', (input: string | URL) => {
      asked.push(new URL(String(input), document.baseURI).pathname);
      return served(input);
    });
    await renderLoaded();
    expect(asked.filter((p) => p.endsWith('.geojson'))).toEqual([]);
    expect(bodyRows()).toHaveLength(fixtureProjects.length);
  });

  it('says so, in the list, when the project table cannot load', async () => {
    serveFiles({ ...fixtureFiles(), [projectPartPaths.summary]: { nonsense: true } });
    await renderLoaded();
    expect(screen.getByText('项目表无法加载。')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('speaks English when asked, keeping plan content in Chinese', async () => {
    useAtlasStore.setState({ lang: 'en' });
    useAtlasStore.getState().setProjectFilters({ plans: ['city'] });
    await renderLoaded();
    expect(screen.getByRole('heading', { name: 'Health-service projects' })).toBeInTheDocument();
    expect(screen.getByRole('status').textContent).toBe(`${ofPlan('city').length} of ${fixtureProjects.length} projects`);
    expect(screen.getByText('示例市中医医院')).toBeInTheDocument();
    expect(screen.getByText('Example People’s Hospital')).toBeInTheDocument();
    expect(within(screen.getByRole('table')).getAllByText('Qujing')).toHaveLength(ofPlan('city').length);
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
