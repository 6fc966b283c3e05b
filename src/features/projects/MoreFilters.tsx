/**
 * The panel behind 筛选: category chips, the county/prefecture list, the layout element and the sort. Every option
 * shows how many projects it would list given the other filters (facet counts).
 */
import { useState } from 'react';
import type { UiStrings } from '../../i18n/languages';
import { categoryColors } from '../../lib/presentation';
import { projectSorts, type ProjectFilters, type ProjectSort } from '../../lib/project-filter';
import { categories, type Category } from '../../lib/vocabulary';
import type { ProjectLists } from './use-project-lists';

/** Adds or removes a value, keeping the list in its canonical order. */
function toggled<T>(list: readonly T[], value: T, order: readonly T[]): T[] {
  const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  return [...next].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

export interface MoreFiltersProps {
  id: string;
  t: UiStrings;
  filters: ProjectFilters;
  lists: Pick<ProjectLists, 'counts' | 'groups' | 'elements' | 'planOrder' | 'planLabel'>;
  setFilters: (patch: Partial<ProjectFilters>) => void;
  toggleCounty: (name: string) => void;
  onClose: () => void;
}

export function MoreFilters({ id, t: ui, filters, lists, setFilters, toggleCounty, onClose }: MoreFiltersProps) {
  const t = ui.browser;
  const { counts, groups, elements, planOrder, planLabel } = lists;
  const [countyOpen, setCountyOpen] = useState(false);
  const countyChecked = (name: string) => filters.counties.includes(name);
  const selectedElementKnown = !filters.element || elements.some((e) => e.id === filters.element);
  // Layout elements belong to a plan: with many plans and none chosen, the list would run to thousands.
  const elementPlans = filters.plans.length ? filters.plans : elements.length <= 200 ? planOrder : null;

  return (
    <div className="pb-more" id={id}>
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
        <button type="button" className="btn" onClick={onClose}>
          {ui.close}
        </button>
      </div>
    </div>
  );
}
