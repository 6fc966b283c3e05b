/**
 * The project workspace for investors: every located project of every plan as a dense, windowed list beside the
 * map. Filters live in the store (and so in the URL) and fold into a bar of active chips; the map draws and frames
 * exactly the filtered projects (the map module reads the same filtered list). Projects can be shortlisted (kept
 * in the URL), compared side by side, and the filtered list or the shortlist handed over as CSV, GeoJSON, an Excel
 * workbook or a printable project book.
 */
import { useCallback, useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import { report } from '../../data/notices';
import { useCatalogue, useProjectTable } from '../../data/hooks';
import { type Lang, regionName } from '../../i18n/languages';
import { useStrings } from '../../i18n/use-strings';
import { formatInvestment } from '../../i18n/format-investment';
import { categoryColors } from '../../lib/presentation';
import {
  investmentTotal,
  projectSorts,
  sharedFilteredProjects,
  sharedProjectRows,
  sortProjects,
  type InvestmentTotal,
  type ProjectSort,
} from '../../lib/project-filter';
import { categories, type Category, type PlanId } from '../../lib/vocabulary';
import { useAtlasStore } from '../../state/store';
import { downloadBlob } from '../../ui/download';
import { useDismiss } from '../../ui/use-dismiss';
import { CompareDialog } from './CompareDialog';
import { exportFileName } from './download';
import { projectsToCsv } from './export-csv';
import { projectsGeoJsonText } from './export-geojson';
import { countyGroups, elementOptions, facetCounts, hasFilters } from '../../lib/project-filter';
import { ProjectBook } from './ProjectBook';
import { ProjectList } from './ProjectList';
import type { ProjectRow } from '../../lib/project-filter';
import './project-browser.css';

/** Adds or removes a value, keeping the list in its canonical order. */
function toggled<T>(list: readonly T[], value: T, order: readonly T[]): T[] {
  const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  return [...next].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** "投资合计 12.3 亿元（…）", from the investments the plans give (万元; 亿元 converted). */
export function totalText(total: InvestmentTotal, t: ReturnType<typeof useStrings>, lang: Lang): string {
  if (!total.count) return '';
  if (!total.given) return t.browser.totalNone(total.count);
  return t.browser.total(formatInvestment({ amount: total.wan, unit: '万元' }, lang), total.given, total.count);
}

export function ProjectBrowser() {
  const lang = useAtlasStore((s) => s.lang);
  const ui = useStrings();
  const t = ui.browser;
  const filters = useAtlasStore((s) => s.projectFilters);
  const setFilters = useAtlasStore((s) => s.setProjectFilters);
  const selectedId = useAtlasStore((s) => s.selectedId);
  const showFeature = useAtlasStore((s) => s.showFeature);
  const setPlan = useAtlasStore((s) => s.setPlan);
  const shortlist = useAtlasStore((s) => s.shortlist);
  const toggleShortlist = useAtlasStore((s) => s.toggleShortlist);
  const setShortlist = useAtlasStore((s) => s.setShortlist);
  const catalogue = useCatalogue();
  const table = useProjectTable();
  const uid = useId();
  const [mode, setMode] = useState<'all' | 'shortlist'>('all');
  const [moreOpen, setMoreOpen] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const [comparing, setComparing] = useState(false);
  const [book, setBook] = useState(false);
  const [countyOpen, setCountyOpen] = useState(false);
  const moreRoot = useRef<HTMLDivElement>(null);
  const menuRoot = useRef<HTMLDivElement>(null);
  useDismiss(
    moreRoot,
    moreOpen,
    useCallback(() => setMoreOpen(false), []),
  );
  useDismiss(
    menuRoot,
    menuOpen,
    useCallback(() => setMenuOpen(false), []),
  );

  const tree = useMemo(() => (catalogue.status === 'ready' ? catalogue.data.tree : []), [catalogue]);
  const plans = useMemo(() => (catalogue.status === 'ready' ? catalogue.data.plans : []), [catalogue]);
  const planOrder = useMemo(() => plans.map((p) => p.id), [plans]);
  const planLabel = useCallback(
    (id: PlanId) => {
      const plan = catalogue.status === 'ready' ? catalogue.data.byId.get(id) : undefined;
      return plan ? regionName(plan, lang) : id;
    },
    [catalogue, lang],
  );

  const allRows = useMemo(() => (table.status === 'ready' ? sharedProjectRows(table.data, planOrder) : []), [table, planOrder]);
  // The same array the map draws (src/lib/project-filter.ts): the count, the list and the map agree.
  const rows = useMemo(() => sharedFilteredProjects(allRows, filters), [allRows, filters]);
  // The counts beside each option follow in a second, interruptible render: the list and its count paint first.
  const deferredFilters = useDeferredValue(filters);
  const counts = useMemo(() => facetCounts(allRows, deferredFilters), [allRows, deferredFilters]);
  const groups = useMemo(() => countyGroups(allRows), [allRows]);
  const elements = useMemo(() => elementOptions(allRows), [allRows]);
  const shortRows = useMemo(() => {
    const byId = new Map(allRows.map((r) => [r.id, r]));
    const picked = shortlist.map((id) => byId.get(id)).filter((r): r is ProjectRow => !!r);
    return filters.sort === 'plan' ? picked : sortProjects(picked, filters.sort);
  }, [allRows, shortlist, filters.sort]);
  const listed = mode === 'shortlist' ? shortRows : rows;
  const total = useMemo(() => investmentTotal(listed), [listed]);
  const loading = table.status === 'loading';
  const filtered = hasFilters(filters);
  const moreCount = filters.categories.length + filters.counties.length + (filters.element ? 1 : 0);

  const chooseRow = useCallback((row: ProjectRow) => showFeature({ plan: row.plan, id: row.id }), [showFeature]);
  const onToggleShortlist = useCallback((row: ProjectRow) => toggleShortlist(row.id), [toggleShortlist]);
  const onSort = useCallback((sort: ProjectSort) => setFilters({ sort }), [setFilters]);
  const clear = () => setFilters({ plans: [], counties: [], categories: [], element: null, query: '' });
  /** The plan filter is the plan menu's plan: choosing one here opens it under the list (and in the menu). */
  const choosePlan = (id: PlanId | '') => {
    setFilters({ plans: id ? [id] : [] });
    // The list paints first; the plan (its menu entry, its areas under the projects) follows a frame later.
    if (id) requestAnimationFrame(() => setTimeout(() => setPlan(id), 0));
  };

  const fileName = (ext: 'csv' | 'geojson' | 'xlsx') => exportFileName(ext, mode === 'shortlist' ? [] : filters.plans, new Date(), mode === 'shortlist');
  const downloadCsv = () => downloadBlob(new Blob([projectsToCsv(listed, { lang, plans })], { type: 'text/csv;charset=utf-8' }), fileName('csv'));
  const downloadGeoJson = () => downloadBlob(new Blob([projectsGeoJsonText(listed)], { type: 'application/geo+json' }), fileName('geojson'));
  const [working, setWorking] = useState(false);
  const downloadXlsx = async () => {
    setWorking(true);
    try {
      // exceljs is large: it is fetched only now, when a workbook is asked for.
      const { projectsWorkbook } = await import('./export-xlsx');
      const blob = await projectsWorkbook(listed, { lang, plans, total, source: mode === 'shortlist' ? t.fromShortlist : t.fromFilter });
      downloadBlob(blob, fileName('xlsx'));
    } catch (e) {
      report({ type: 'download-failed', reason: e instanceof Error ? e.message : String(e) });
    } finally {
      setWorking(false);
    }
  };

  const countyChecked = (name: string) => filters.counties.includes(name);
  const toggleCounty = (name: string) =>
    setFilters({ counties: filters.counties.includes(name) ? filters.counties.filter((c) => c !== name) : [...filters.counties, name] });
  const selectedElementKnown = !filters.element || elements.some((e) => e.id === filters.element);
  const elementName = (id: string) => elements.find((e) => e.id === id)?.name ?? id;
  // Layout elements belong to a plan: with many plans and none chosen, the list would run to thousands.
  const elementPlans = filters.plans.length ? filters.plans : elements.length <= 200 ? planOrder : null;

  // The active filters as chips, each removable.
  const chips: { key: string; label: string; remove: () => void; swatch?: Category }[] = [
    ...filters.plans.map((p) => ({ key: `plan-${p}`, label: planLabel(p), remove: () => choosePlan('') })),
    ...filters.categories.map((c) => ({
      key: `cat-${c}`,
      label: ui.categoryNames[c],
      swatch: c,
      remove: () => setFilters({ categories: filters.categories.filter((x) => x !== c) }),
    })),
    ...filters.counties.map((c) => ({ key: `county-${c}`, label: c, remove: () => toggleCounty(c) })),
    ...(filters.element ? [{ key: 'element', label: elementName(filters.element), remove: () => setFilters({ element: null }) }] : []),
    ...(filters.query.trim() ? [{ key: 'q', label: t.queryChip(filters.query.trim()), remove: () => setFilters({ query: '' }) }] : []),
  ];

  const planCount = (id: PlanId) => counts.plans.get(id) ?? 0;

  return (
    <section className="project-browser" aria-labelledby={`${uid}-title`}>
      <header className="pb-head">
        <h2 className="pb-title" id={`${uid}-title`}>
          {t.title}
        </h2>
        <div className="pb-tabs" role="group" aria-label={t.shortlist}>
          <button type="button" className="pb-tab" aria-pressed={mode === 'all'} onClick={() => setMode('all')}>
            {t.listAll}
          </button>
          <button type="button" className="pb-tab" aria-pressed={mode === 'shortlist'} onClick={() => setMode('shortlist')}>
            <span aria-hidden="true">★ </span>
            {t.listShortlist(shortlist.length)}
          </button>
        </div>
      </header>

      {mode === 'all' && (
        <div className="pb-filters" role="group" aria-label={t.filters} ref={moreRoot}>
          <div className="pb-filterbar">
            <label className="visually-hidden" htmlFor={`${uid}-q`}>
              {t.search}
            </label>
            <input
              id={`${uid}-q`}
              className="pb-search-input"
              type="search"
              value={filters.query}
              placeholder={t.searchPlaceholder}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setFilters({ query: e.target.value })}
            />
            <label className="visually-hidden" htmlFor={`${uid}-plan`}>
              {t.plan}
            </label>
            <select
              id={`${uid}-plan`}
              className="pb-select pb-plan-select"
              value={filters.plans.length === 1 ? filters.plans[0] : ''}
              onChange={(e) => choosePlan(e.target.value)}
            >
              <option value="">{t.allPlans}</option>
              {tree.map((n) => (
                <option key={n.plan.id} value={n.plan.id}>
                  {`${'\u3000'.repeat(n.depth)}${t.planOption(regionName(n.plan, lang), planCount(n.plan.id))}`}
                </option>
              ))}
            </select>
            <button type="button" className="btn pb-more-toggle" aria-expanded={moreOpen} aria-controls={`${uid}-more`} onClick={() => setMoreOpen((o) => !o)}>
              {t.moreFilters}
              {moreCount > 0 && <span className="pb-badge">{moreCount}</span>}
              <span className="chevron" aria-hidden="true">
                {moreOpen ? '▴' : '▾'}
              </span>
            </button>
          </div>

          {moreOpen && (
            <div className="pb-more" id={`${uid}-more`}>
              <fieldset className="pb-facet">
                <legend className="pb-label">{t.category}</legend>
                <div className="pb-chips">
                  {categories.map((c: Category) => {
                    const n = counts.categories.get(c) ?? 0;
                    const pressed = filters.categories.includes(c);
                    if (n === 0 && !pressed) return null;
                    return (
                      <button
                        key={c}
                        type="button"
                        className="pb-chip"
                        aria-pressed={pressed}
                        onClick={() => setFilters({ categories: toggled(filters.categories, c, categories) })}
                      >
                        <span className="cat-chip" style={{ background: categoryColors[c] }} aria-hidden="true">
                          {ui.categoryGlyphs[c]}
                        </span>
                        <span>{ui.categoryNames[c]}</span>
                        <span className="pb-count">{n}</span>
                      </button>
                    );
                  })}
                </div>
              </fieldset>

              <details className="pb-county" onToggle={(e) => setCountyOpen(e.currentTarget.open)}>
                <summary>
                  <span className="pb-label pb-label--inline">{t.county}</span>
                  <span className="pb-county-current">{filters.counties.length ? t.countiesChosen(filters.counties.join('、')) : t.allCounties}</span>
                </summary>
                <div className="pb-county-body">
                  {/* Some 150 counties: drawn only while the list is open, so a filter change does not redraw them. */}
                  {countyOpen &&
                    groups.map((g) => {
                      const options = g.counties.filter((c) => (counts.counties.get(c) ?? 0) > 0 || countyChecked(c));
                      const prefectureShown = g.prefecture && ((counts.counties.get(g.prefecture) ?? 0) > 0 || countyChecked(g.prefecture));
                      if (!options.length && !prefectureShown) return null;
                      return (
                        <fieldset key={g.prefecture || '-'} className="pb-county-group">
                          <legend>{g.prefecture || t.otherCounties}</legend>
                          {prefectureShown && (
                            <label className="pb-check pb-check--all">
                              <input type="checkbox" checked={countyChecked(g.prefecture)} onChange={() => toggleCounty(g.prefecture)} />
                              <span lang="zh-CN">
                                {g.prefecture}
                                {t.wholePrefecture}
                              </span>
                              <span className="pb-count">{counts.counties.get(g.prefecture) ?? 0}</span>
                            </label>
                          )}
                          {options.map((c) => (
                            <label key={c} className="pb-check">
                              <input type="checkbox" checked={countyChecked(c)} onChange={() => toggleCounty(c)} />
                              <span lang="zh-CN">{c}</span>
                              <span className="pb-count">{counts.counties.get(c) ?? 0}</span>
                            </label>
                          ))}
                        </fieldset>
                      );
                    })}
                </div>
              </details>

              <div className="pb-controls">
                <label className="pb-field">
                  <span className="pb-label">{t.element}</span>
                  <select className="pb-select" value={filters.element ?? ''} onChange={(e) => setFilters({ element: e.target.value || null })}>
                    <option value="">{t.allElements}</option>
                    {!selectedElementKnown && filters.element && <option value={filters.element}>{filters.element}</option>}
                    {elementPlans === null && <option disabled>{t.choosePlanFirst}</option>}
                    {(elementPlans ?? []).map((plan) => {
                      const options = elements.filter((e) => e.plan === plan && ((counts.elements.get(e.id) ?? 0) > 0 || filters.element === e.id));
                      if (!options.length) return null;
                      return (
                        <optgroup key={plan} label={planLabel(plan)}>
                          {options.map((o) => (
                            <option key={o.id} value={o.id}>{`${o.name}（${counts.elements.get(o.id) ?? 0}）`}</option>
                          ))}
                        </optgroup>
                      );
                    })}
                  </select>
                </label>
                <label className="pb-field">
                  <span className="pb-label">{t.sort}</span>
                  <select className="pb-select" value={filters.sort} onChange={(e) => setFilters({ sort: e.target.value as ProjectSort })}>
                    {projectSorts.map((s) => (
                      <option key={s} value={s}>
                        {t.sorts[s]}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <div className="pb-more-foot">
                <button type="button" className="btn" onClick={() => setMoreOpen(false)}>
                  {ui.close}
                </button>
              </div>
            </div>
          )}

          {chips.length > 0 && (
            <div className="pb-active" role="group" aria-label={t.activeFilters}>
              {chips.map((c) => (
                <button
                  key={c.key}
                  type="button"
                  className="pb-active-chip"
                  onClick={c.remove}
                  aria-label={t.removeFilter(c.label)}
                  title={t.removeFilter(c.label)}
                >
                  {c.swatch && <span className="pb-active-swatch" style={{ background: categoryColors[c.swatch] }} aria-hidden="true" />}
                  <span lang="zh-CN">{c.label}</span>
                  <span className="pb-active-x" aria-hidden="true">
                    ×
                  </span>
                </button>
              ))}
              <button type="button" className="btn btn--quiet pb-clear" onClick={clear} disabled={!filtered}>
                {t.clear}
              </button>
            </div>
          )}
        </div>
      )}

      <div className="pb-bar">
        <div className="pb-figures">
          <p className="pb-total" role="status" aria-live="polite">
            {mode === 'shortlist' ? t.listShortlist(shortRows.length) : t.count(rows.length, allRows.length)}
          </p>
          {total.count > 0 && <p className="pb-sum">{totalText(total, ui, lang)}</p>}
        </div>
        {mode === 'shortlist' && (
          <>
            <button type="button" className="btn pb-compare" onClick={() => setComparing(true)} disabled={shortRows.length < 1}>
              {t.compare}
            </button>
            <button type="button" className="btn btn--quiet pb-clear" onClick={() => setShortlist([])} disabled={!shortlist.length}>
              {t.clearShortlist}
            </button>
          </>
        )}
        <div className="pb-downloads" ref={menuRoot}>
          <button
            type="button"
            className="btn pb-download-toggle"
            aria-expanded={menuOpen}
            aria-controls={`${uid}-book`}
            disabled={!listed.length}
            onClick={() => setMenuOpen((o) => !o)}
            aria-busy={working}
          >
            <span aria-hidden="true">⤓</span> {t.book}
            <span className="chevron" aria-hidden="true">
              {menuOpen ? '▴' : '▾'}
            </span>
          </button>
          {menuOpen && (
            <div className="pb-menu" id={`${uid}-book`} role="group" aria-label={t.download}>
              <button
                type="button"
                className="pb-menu-item"
                onClick={() => {
                  setMenuOpen(false);
                  void downloadXlsx();
                }}
              >
                <strong>{t.xlsx}</strong>
                <span>{t.xlsxHint(listed.length)}</span>
              </button>
              <button
                type="button"
                className="pb-menu-item"
                onClick={() => {
                  setMenuOpen(false);
                  setBook(true);
                }}
              >
                <strong>{t.report}</strong>
                <span>{t.reportHint(listed.length)}</span>
              </button>
              <button
                type="button"
                className="pb-menu-item"
                onClick={() => {
                  setMenuOpen(false);
                  downloadCsv();
                }}
              >
                <strong>{t.csv}</strong>
                <span>{t.csvHint(listed.length)}</span>
              </button>
              <button
                type="button"
                className="pb-menu-item"
                onClick={() => {
                  setMenuOpen(false);
                  downloadGeoJson();
                }}
              >
                <strong>{t.geojson}</strong>
                <span>{t.geojsonHint(listed.length)}</span>
              </button>
            </div>
          )}
        </div>
      </div>

      {loading && (
        <p className="pb-status" aria-busy="true">
          {t.loading}
        </p>
      )}
      {table.status === 'error' && <p className="notice notice--error pb-notice">{ui.notices.projectsFailed}</p>}

      {listed.length === 0 && !loading ? (
        <div className="pb-empty">
          {mode === 'shortlist' ? (
            <p className="pb-empty-title">{t.shortlistEmpty}</p>
          ) : (
            <>
              <p className="pb-empty-title">{t.empty}</p>
              {filtered && <p className="muted">{t.emptyHint}</p>}
              {filtered && (
                <button type="button" className="btn" onClick={clear}>
                  {t.clear}
                </button>
              )}
            </>
          )}
        </div>
      ) : (
        listed.length > 0 && (
          <ProjectList
            rows={listed}
            lang={lang}
            t={ui}
            sort={filters.sort}
            selectedId={selectedId}
            shortlist={shortlist}
            planLabel={planLabel}
            onSort={onSort}
            onChoose={chooseRow}
            onToggleShortlist={onToggleShortlist}
          />
        )
      )}

      {comparing && (
        <CompareDialog
          rows={shortRows}
          lang={lang}
          t={ui}
          plans={plans}
          onClose={() => setComparing(false)}
          onRemove={(id) => toggleShortlist(id)}
          onShow={(row) => {
            setComparing(false);
            chooseRow(row);
          }}
        />
      )}
      {book && (
        <ProjectBook
          rows={listed}
          lang={lang}
          t={ui}
          plans={plans}
          total={total}
          source={mode === 'shortlist' ? t.fromShortlist : t.fromFilter}
          onClose={() => setBook(false)}
        />
      )}
    </section>
  );
}
