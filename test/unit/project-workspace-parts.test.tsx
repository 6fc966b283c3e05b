/** The project workspace's parts on the small fixture (three plans, ten projects): formats, shortlist, compare, filter text. */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCatalogue } from '../../src/data/catalogue';
import { resetDataLayer } from '../../src/data/reset';
import { setAllPartsMost, whenProjectsSettled } from '../../src/data/project-parts';
import { exportFormats, type ExportFormat, type ExportInput } from '../../src/features/projects/export-formats';
import { ProjectBrowser, totalText } from '../../src/features/projects/ProjectBrowser';
import { formatHash, parseHash } from '../../src/features/url-state/hash-state';
import { zh } from '../../src/i18n/zh';
import { investmentTotal, queryMaxLength, sharedListedProjects, sharedProjectRows, shortlistMax } from '../../src/lib/project-filter';
import { useAtlasStore } from '../../src/state/store';
import { fixtureCatalogue, fixtureFiles, fixtureProjects } from './fixtures/projects';
import { serveFiles } from './public-fetch';
import { firstRows } from '../../src/features/projects/row-source';

const initial = useAtlasStore.getState();
let savedUrl: { create: typeof URL.createObjectURL; revoke: typeof URL.revokeObjectURL };

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

async function renderLoaded(formats?: readonly ExportFormat[]) {
  const view = render(<ProjectBrowser {...(formats ? { formats } : {})} />);
  await act(async () => {
    await Promise.all([loadCatalogue(), whenProjectsSettled()]);
  });
  return view;
}

/** Catches what the page hands to the browser's download. */
function catchDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  let last: Blob | undefined;
  Object.assign(URL, {
    createObjectURL: (b: Blob) => {
      last = b;
      return 'blob:x';
    },
    revokeObjectURL: () => undefined,
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    files.push({ name: this.download, blob: last! });
  });
  return files;
}

const menu = () => screen.getByRole('group', { name: '下载筛选结果' });

describe('the download menu is the format registry', () => {
  it('lists every registered format, and a new entry appears and writes exactly the rows on screen', async () => {
    const user = userEvent.setup();
    const write = vi.fn(async (input: ExportInput) => new Blob([(await firstRows(input.rows, Number.POSITIVE_INFINITY)).map((r) => r.id).join('\n')]));
    const fake: ExportFormat = {
      id: 'fake',
      strings: () => ({ name: '测试格式', hint: (n) => `测试 ${n} 个项目` }),
      load: async () => ({ kind: 'file', ext: 'txt', write }),
    };
    const files = catchDownloads();
    useAtlasStore.getState().setProjectFilters({ plans: ['county'] });
    await renderLoaded([...exportFormats, fake]);
    await user.click(screen.getByRole('button', { name: /项目册/ }));
    const items = within(menu()).getAllByRole('button');
    expect(items).toHaveLength(exportFormats.length + 1);
    expect(items.map((b) => b.querySelector('strong')?.textContent)).toEqual([...exportFormats.map((f) => f.strings(zh.browser).name), '测试格式']);
    await user.click(within(menu()).getByRole('button', { name: /测试格式/ }));
    await vi.waitFor(() => expect(files).toHaveLength(1));
    expect(write).toHaveBeenCalledTimes(1);
    expect((await firstRows(write.mock.calls[0]![0].rows, Number.POSITIVE_INFINITY)).map((r) => r.id)).toEqual(
      fixtureProjects.filter((p) => p.plan === 'county').map((p) => p.id),
    );
    expect(files[0]!.name).toMatch(/^yunnan-health-projects-county-\d{4}-\d{2}-\d{2}\.txt$/);
  });

  it('writes the CSV for people with Chinese headers, and the GIS one with field names', async () => {
    const user = userEvent.setup();
    const files = catchDownloads();
    await renderLoaded();
    await user.click(screen.getByRole('button', { name: /项目册/ }));
    await user.click(within(menu()).getByRole('button', { name: /^CSV 表格/ }));
    await user.click(screen.getByRole('button', { name: /项目册/ }));
    await user.click(within(menu()).getByRole('button', { name: /GIS/ }));
    await vi.waitFor(() => expect(files).toHaveLength(2));
    const [people, gis] = await Promise.all(files.map(async (f) => new TextDecoder().decode(await f.blob.arrayBuffer()).replace(/^\uFEFF/, '')));
    expect(people!.split('\r\n')[0]).toMatch(/^项目名称,规划,规划名称,/);
    expect(people).toContain('位置近似：县城驻地');
    expect(gis!.split('\r\n')[0]).toMatch(/^plan,plan_title,element,name,/);
    expect(files[1]!.name).toMatch(/-gis-\d{4}-\d{2}-\d{2}\.csv$/);
  });
});

describe('a list loaded by window (a country’s projects, beyond every part’s budget)', () => {
  const csvIds = async (blob: Blob) =>
    new TextDecoder()
      .decode(await blob.arrayBuffer())
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[0]);

  it('hands every row over, in the list’s order, and a category’s rows with the category’s total', async () => {
    const user = userEvent.setup();
    const files = catchDownloads();
    // The fixture's 10 projects over a budget of 5: the list is laid out from the summary and loads its window's parts.
    setAllPartsMost(5);
    await renderLoaded();
    const toggle = screen.getByRole('button', { name: /项目册/ });
    expect(toggle).toBeEnabled();
    await user.click(toggle);
    await user.click(within(menu()).getByRole('button', { name: /^CSV 表格/ }));
    await vi.waitFor(() => expect(files).toHaveLength(1));
    expect(await csvIds(files[0]!.blob)).toEqual(fixtureProjects.map((p) => p.name));

    act(() => useAtlasStore.getState().setProjectFilters({ categories: ['medical'] }));
    const medical = fixtureProjects.filter((p) => p.category === 'medical');
    // The total is the summary's (every part's), not the loaded rows'.
    expect(screen.getByText(/^投资合计/)).toHaveTextContent(totalText(investmentTotal(medical), zh, 'zh'));
    await user.click(toggle);
    expect(within(menu()).getByRole('button', { name: /^CSV 表格/ })).toHaveTextContent(String(medical.length));
    await user.click(within(menu()).getByRole('button', { name: /^CSV 表格/ }));
    await vi.waitFor(() => expect(files).toHaveLength(2));
    expect(await csvIds(files[1]!.blob)).toEqual(medical.map((p) => p.name));
  });
});

describe('the shortlist', () => {
  it('is what the tab lists and what the map draws', async () => {
    const user = userEvent.setup();
    useAtlasStore.getState().setShortlist(['city-park', 'prov-town']);
    await renderLoaded();
    await user.click(screen.getByRole('button', { name: /入选 2/ }));
    expect(useAtlasStore.getState().projectList).toBe('shortlist');
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('入选 2');
    // The map reads the same list from the store (src/features/map/project-view.ts).
    const s = useAtlasStore.getState();
    const rows = sharedProjectRows(
      fixtureProjects,
      fixtureCatalogue.map((p) => p.id),
    );
    expect(sharedListedProjects(rows, s.projectFilters, s.shortlist, s.projectList).map((r) => r.id)).toEqual(['city-park', 'prov-town']);
    // A link keeps the tab, so whoever opens it sees the same list and map.
    expect(parseHash(formatHash({ view: 'projects', list: 'shortlist' })).list).toBe('shortlist');
    await user.click(screen.getByRole('button', { name: '全部' }));
    expect(sharedListedProjects(rows, s.projectFilters, s.shortlist, useAtlasStore.getState().projectList)).toHaveLength(fixtureProjects.length);
  });

  it('holds more projects than the plans have, and says when a link named more than it holds', async () => {
    const ids = Array.from({ length: shortlistMax + 7 }, (_, i) => `p-${i}`);
    useAtlasStore.getState().setShortlist(ids);
    expect(useAtlasStore.getState().shortlist).toHaveLength(shortlistMax);
    expect(shortlistMax).toBeGreaterThanOrEqual(1000);
    await renderLoaded();
    expect(screen.getByText(new RegExp(`上限 ${shortlistMax} 个，另有 7 个项目未能载入`))).toBeInTheDocument();
    // A link keeps every id it is given; the store caps and counts.
    expect(parseHash(formatHash({ shortlist: ids })).shortlist).toHaveLength(ids.length);
  });
});

describe('the compare dialog', () => {
  it('closes on Escape, only itself, gives focus back, and leaves no backdrop', async () => {
    const user = userEvent.setup();
    useAtlasStore.getState().setShortlist(['prov-hospital', 'city-care']);
    useAtlasStore.getState().setProjectList('shortlist');
    await renderLoaded();
    const compare = screen.getByRole('button', { name: '并排对比' });
    // The details' own Escape (src/features/details): clears the selection unless someone handled the key.
    const details = (e: KeyboardEvent) => e.key === 'Escape' && !e.defaultPrevented && useAtlasStore.getState().select(null);
    window.addEventListener('keydown', details);
    for (let i = 0; i < 3; i++) {
      await user.click(compare);
      expect(screen.getByRole('dialog', { name: '入选项目对比' })).toBeInTheDocument();
      // A selection under the dialog changes while it is open (as the details' own Escape handler does).
      act(() => useAtlasStore.getState().select(i % 2 ? 'prov-hospital' : 'city-park'));
      await user.keyboard('{Escape}');
      expect(screen.queryByRole('dialog')).toBeNull();
      // Only the dialog closes: the selection under it stays.
      expect(useAtlasStore.getState().selectedId).toBe(i % 2 ? 'prov-hospital' : 'city-park');
      expect(document.querySelector('.cmp-backdrop')).toBeNull();
      expect(compare).toHaveFocus();
    }
    window.removeEventListener('keydown', details);
  });

  it('closes on a click beside it', async () => {
    const user = userEvent.setup();
    useAtlasStore.getState().setShortlist(['prov-hospital']);
    useAtlasStore.getState().setProjectList('shortlist');
    await renderLoaded();
    await user.click(screen.getByRole('button', { name: '并排对比' }));
    await user.click(document.querySelector<HTMLElement>('.cmp-backdrop')!);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('the filter text', () => {
  it('is as long in the box, the store and a link read back', async () => {
    await renderLoaded();
    expect(screen.getByLabelText('搜索项目')).toHaveAttribute('maxLength', String(queryMaxLength));
    const long = '康养'.repeat(queryMaxLength);
    act(() => useAtlasStore.getState().setProjectFilters({ query: long }));
    const kept = useAtlasStore.getState().projectFilters.query;
    expect(kept).toHaveLength(queryMaxLength);
    expect(parseHash(formatHash({ view: 'projects', q: kept })).q).toBe(kept);
  });
});
