/**
 * The project browser: every located project of the five plans as a filterable, sortable list beside the map,
 * for investors. Filters live in the store (and so in the URL); choosing a row selects the project on the map,
 * and a selection made on the map is highlighted and scrolled to here. The filtered list downloads as CSV or GeoJSON.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useCatalogue, useProjectTable } from '../../data/hooks';
import { regionName } from '../../i18n/languages';
import { useStrings } from '../../i18n/use-strings';
import { formatInvestment } from '../../lib/format-investment';
import { categoryColors } from '../../lib/presentation';
import { categories, type Category, type PlanId } from '../../lib/vocabulary';
import type { ProjectSort } from '../../state/projects-slice';
import { useAtlasStore } from '../../state/store';
import { downloadBlob } from '../../ui/download';
import { exportFileName } from './download';
import { projectsToCsv } from './export-csv';
import { projectsGeoJsonText } from './export-geojson';
import { countyGroups, elementOptions, facetCounts, filterProjects, hasFilters } from './filter-projects';
import { projectRows, type ProjectRow } from './project-rows';
import './project-browser.css';

const sorts: readonly ProjectSort[] = ['plan', 'name', 'county', 'category', 'investment'];

/** Adds or removes a value, keeping the list in its canonical order. */
function toggled<T>(list: readonly T[], value: T, order: readonly T[]): T[] {
  const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  return [...next].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** "2 亿元（20,000 万元）" as the amount, with the 万元 figure on a quieter line of its own. */
function Investment({ text }: { text: string }) {
  const parts = /^(.*?)（(.*)）$/.exec(text);
  if (!parts) return <span className="pb-amount">{text}</span>;
  return (
    <>
      <span className="pb-amount">{parts[1]}</span>
      <span className="pb-amount-sub">（{parts[2]}）</span>
    </>
  );
}

export function ProjectBrowser() {
  const lang = useAtlasStore((s) => s.lang);
  const ui = useStrings();
  const t = ui.browser;
  const filters = useAtlasStore((s) => s.projectFilters);
  const setFilters = useAtlasStore((s) => s.setProjectFilters);
  const selectedId = useAtlasStore((s) => s.selectedId);
  const showFeature = useAtlasStore((s) => s.showFeature);
  const catalogue = useCatalogue();
  const table = useProjectTable();
  const uid = useId();
  const body = useRef<HTMLTableSectionElement>(null);
  // On a phone the filters beyond the search start folded, so the list is in view; elsewhere the toggle is hidden.
  const [moreOpen, setMoreOpen] = useState(() => !window.matchMedia?.('(max-width: 720px)').matches);

  const plans = useMemo(() => (catalogue.status === 'ready' ? catalogue.data.plans : []), [catalogue]);
  const planOrder = useMemo(() => plans.map((p) => p.id), [plans]);
  const planLabel = (id: PlanId) => {
    const plan = catalogue.status === 'ready' ? catalogue.data.byId.get(id) : undefined;
    return plan ? regionName(plan, lang) : id;
  };

  const allRows = useMemo(() => (table.status === 'ready' ? projectRows(table.data, planOrder) : []), [table, planOrder]);
  const rows = useMemo(() => filterProjects(allRows, filters), [allRows, filters]);
  const counts = useMemo(() => facetCounts(allRows, filters), [allRows, filters]);
  const groups = useMemo(() => countyGroups(allRows), [allRows]);
  const elements = useMemo(() => elementOptions(allRows), [allRows]);
  const planChips = planOrder.filter((id) => (counts.plans.get(id) ?? 0) > 0 || filters.plans.includes(id));
  const loading = table.status === 'loading';
  const filtered = hasFilters(filters);
  const setCount = filters.plans.length + filters.categories.length + filters.counties.length + (filters.element ? 1 : 0);
  const chooseRow = (row: ProjectRow) => showFeature({ plan: row.plan, id: row.id });

  // Keep the list in step with the map: a selection made elsewhere scrolls its row into view.
  const shown = rows.length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new list length may bring the selected row into the DOM
  useEffect(() => {
    if (!selectedId || !/^[a-z0-9-]+$/.test(selectedId)) return;
    const row = body.current?.querySelector<HTMLElement>(`[data-id="${selectedId}"]`);
    row?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId, shown]);

  const clear = () => setFilters({ plans: [], counties: [], categories: [], element: null, query: '' });
  const downloadCsv = () =>
    downloadBlob(new Blob([projectsToCsv(rows, { lang, plans })], { type: 'text/csv;charset=utf-8' }), exportFileName('csv', filters.plans));
  const downloadGeoJson = () => downloadBlob(new Blob([projectsGeoJsonText(rows)], { type: 'application/geo+json' }), exportFileName('geojson', filters.plans));

  const columnLabel: Record<ProjectSort, string> = {
    plan: t.colPlan,
    name: t.colName,
    county: t.colCounty,
    category: t.colCategory,
    investment: t.colInvestment,
  };
  const header = (key: ProjectSort | null, label: string, className?: string) => {
    const active = key !== null && filters.sort === key;
    return (
      <th scope="col" className={className} aria-sort={active ? (key === 'investment' ? 'descending' : 'ascending') : undefined}>
        {key ? (
          <button type="button" className={`pb-sort${active ? ' is-active' : ''}`} onClick={() => setFilters({ sort: key })} title={t.sortBy(columnLabel[key])}>
            {label}
            <span className="pb-sort-mark" aria-hidden="true">
              {active ? (key === 'investment' ? '↓' : '↑') : '↕'}
            </span>
          </button>
        ) : (
          label
        )}
      </th>
    );
  };

  const selectedElementKnown = !filters.element || elements.some((e) => e.id === filters.element);
  const countyChecked = (name: string) => filters.counties.includes(name);
  const toggleCounty = (name: string) =>
    setFilters({
      counties: filters.counties.includes(name) ? filters.counties.filter((c) => c !== name) : [...filters.counties, name],
    });

  return (
    <section className="project-browser" aria-labelledby={`${uid}-title`}>
      <header className="pb-head">
        <h2 className="pb-title" id={`${uid}-title`}>
          {t.title}
        </h2>
        <p className="pb-intro">{t.intro}</p>
      </header>

      <div className="pb-filters" role="group" aria-label={t.filters}>
        <div className="pb-search">
          <label className="visually-hidden" htmlFor={`${uid}-q`}>
            {t.search}
          </label>
          <div className="pb-search-row">
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
            <button type="button" className="btn pb-more-toggle" aria-expanded={moreOpen} aria-controls={`${uid}-more`} onClick={() => setMoreOpen((o) => !o)}>
              {t.moreFilters}
              {setCount > 0 && <span className="pb-badge">{setCount}</span>}
              <span className="chevron" aria-hidden="true">
                {moreOpen ? '▴' : '▾'}
              </span>
            </button>
          </div>
        </div>

        <div className="pb-more" id={`${uid}-more`} data-open={moreOpen}>
          <fieldset className="pb-facet">
            <legend className="pb-label">{t.plan}</legend>
            <div className="pb-chips">
              {planChips.map((id) => {
                const n = counts.plans.get(id) ?? 0;
                return (
                  <button
                    key={id}
                    type="button"
                    className={`pb-chip${n === 0 ? ' is-empty' : ''}`}
                    aria-pressed={filters.plans.includes(id)}
                    onClick={() => setFilters({ plans: toggled(filters.plans, id, planOrder) })}
                  >
                    <span>{planLabel(id)}</span>
                    <span className="pb-count">{n}</span>
                  </button>
                );
              })}
            </div>
          </fieldset>

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

          <details className="pb-county">
            <summary>
              <span className="pb-label pb-label--inline">{t.county}</span>
              <span className="pb-county-current">{filters.counties.length ? t.countiesChosen(filters.counties.join('、')) : t.allCounties}</span>
            </summary>
            <div className="pb-county-body">
              {groups.map((g) => {
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
                {planOrder.map((plan) => {
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
                {sorts.map((s) => (
                  <option key={s} value={s}>
                    {t.sorts[s]}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </div>
      </div>

      <div className="pb-bar">
        <p className="pb-total" role="status" aria-live="polite">
          {t.count(rows.length, allRows.length)}
        </p>
        <button type="button" className="btn btn--quiet pb-clear" onClick={clear} disabled={!filtered}>
          {t.clear}
        </button>
        <div className="pb-downloads" role="group" aria-label={t.download}>
          <button type="button" className="btn pb-download" onClick={downloadCsv} disabled={!rows.length} title={t.csvHint(rows.length)}>
            <span aria-hidden="true">⤓</span> {t.csv}
          </button>
          <button type="button" className="btn pb-download" onClick={downloadGeoJson} disabled={!rows.length} title={t.geojsonHint(rows.length)}>
            <span aria-hidden="true">⤓</span> {t.geojson}
          </button>
        </div>
      </div>

      {loading && (
        <p className="pb-status" aria-busy="true">
          {t.loading}
        </p>
      )}
      {table.status === 'error' && <p className="notice notice--error pb-notice">{ui.notices.projectsFailed}</p>}

      {rows.length === 0 && !loading ? (
        <div className="pb-empty">
          <p className="pb-empty-title">{t.empty}</p>
          {filtered && <p className="muted">{t.emptyHint}</p>}
          {filtered && (
            <button type="button" className="btn" onClick={clear}>
              {t.clear}
            </button>
          )}
        </div>
      ) : (
        <table className="pb-table">
          <caption className="visually-hidden">{t.tableCaption}</caption>
          <thead>
            <tr>
              {header('name', t.colName, 'pb-col-name')}
              {header('plan', t.colPlan)}
              {header('category', t.colCategory)}
              {header('county', t.colCounty)}
              {header('investment', t.colInvestment, 'pb-num')}
              {header(null, t.colPrecision)}
              {header(null, t.colElement)}
            </tr>
          </thead>
          <tbody ref={body}>
            {rows.map((row) => {
              const selected = row.id === selectedId;
              return (
                <tr
                  key={row.id}
                  data-id={row.id}
                  className={`pb-row${selected ? ' is-selected' : ''}`}
                  aria-current={selected ? 'true' : undefined}
                  onClick={() => chooseRow(row)}
                >
                  <th scope="row" className="pb-name">
                    <button
                      type="button"
                      className="pb-name-button"
                      aria-pressed={selected}
                      onClick={(e) => {
                        e.stopPropagation();
                        chooseRow(row);
                      }}
                    >
                      <span lang="zh-CN">{row.name}</span>
                    </button>
                    {lang !== 'zh' && row.nameEn && <span className="pb-name-en">{row.nameEn}</span>}
                  </th>
                  <td className="pb-plan">{planLabel(row.plan)}</td>
                  <td className="pb-category">
                    <span className="pb-cat">
                      <span className="cat-chip" style={{ background: categoryColors[row.category] }} aria-hidden="true">
                        {ui.categoryGlyphs[row.category]}
                      </span>
                      {ui.categoryNames[row.category]}
                    </span>
                  </td>
                  <td className="pb-county-cell" lang="zh-CN">
                    {row.county}
                  </td>
                  <td className={`pb-num pb-investment${row.investment ? '' : ' is-none'}`} data-label={t.colInvestment}>
                    {row.investment ? <Investment text={formatInvestment(row.investment, lang)} /> : t.noInvestment}
                  </td>
                  <td className={`pb-precision-cell is-${row.precision}`}>
                    <span className={`pb-precision pb-precision--${row.precision}`} title={ui.precisionNames[row.precision]}>
                      {t.precision[row.precision]}
                    </span>
                  </td>
                  <td className={`pb-element${row.elementName ? '' : ' is-none'}`} data-label={t.colElement}>
                    {row.elementName ? <span lang="zh-CN">{row.elementName}</span> : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
