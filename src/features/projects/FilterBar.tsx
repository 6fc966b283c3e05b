/**
 * The filter bar: the text search, the plan (the plan tree, as in the plan menu), the 筛选 toggle for the
 * more-filters panel, and the active filters as removable chips.
 */
import { useCallback, useId, useRef, useState } from 'react';
import { regionName, type Lang, type UiStrings } from '../../i18n/languages';
import { categoryColors } from '../../lib/presentation';
import { hasFilters, queryMaxLength, type ProjectFilters } from '../../lib/project-filter';
import type { Category, PlanId } from '../../lib/vocabulary';
import { useDismiss } from '../../ui/use-dismiss';
import { MoreFilters } from './MoreFilters';
import type { ProjectLists } from './use-project-lists';

export interface FilterBarProps {
  t: UiStrings;
  lang: Lang;
  filters: ProjectFilters;
  lists: ProjectLists;
  setFilters: (patch: Partial<ProjectFilters>) => void;
  /** Chooses the plan filter (and opens that plan under the list); '' for every plan. */
  choosePlan: (id: PlanId | '') => void;
  clear: () => void;
}

export function FilterBar({ t: ui, lang, filters, lists, setFilters, choosePlan, clear }: FilterBarProps) {
  const t = ui.browser;
  const uid = useId();
  const [moreOpen, setMoreOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const closeMore = useCallback(() => setMoreOpen(false), []);
  useDismiss(root, moreOpen, closeMore);
  const { tree, counts, elements, planLabel } = lists;
  const moreCount = filters.categories.length + filters.counties.length + (filters.element ? 1 : 0);
  const toggleCounty = (name: string) =>
    setFilters({ counties: filters.counties.includes(name) ? filters.counties.filter((c) => c !== name) : [...filters.counties, name] });
  const elementName = (id: string) => elements.find((e) => e.id === id)?.name ?? id;

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

  return (
    <div className="pb-filters" role="group" aria-label={t.filters} ref={root}>
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
          // The limit a link keeps and reads back: what can be typed survives a reload.
          maxLength={queryMaxLength}
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
              {`${'\u3000'.repeat(n.depth)}${t.planOption(regionName(n.plan, lang), counts.plans.get(n.plan.id) ?? 0)}`}
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
        <MoreFilters id={`${uid}-more`} t={ui} filters={filters} lists={lists} setFilters={setFilters} toggleCounty={toggleCounty} onClose={closeMore} />
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
          <button type="button" className="btn btn--quiet pb-clear" onClick={clear} disabled={!hasFilters(filters)}>
            {t.clear}
          </button>
        </div>
      )}
    </div>
  );
}
