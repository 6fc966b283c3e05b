/**
 * The list itself: a table whose rows are windowed (@tanstack/react-virtual), so the DOM holds the rows in view
 * and a few more, whether the plans list 200 projects or 10,000. Rows have a fixed height (CSS and
 * {@link rowHeight} agree), so the window is exact without measuring.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { englishName, type Lang, type UiStrings } from '../../i18n/languages';
import { formatInvestment } from '../../i18n/format-investment';
import { categoryColors } from '../../lib/presentation';
import type { ProjectSort } from '../../lib/project-filter';
import type { PlanId } from '../../lib/vocabulary';
import type { ProjectRow } from '../../lib/project-filter';

/** Row heights in px: a table row where the column is wide, a two-line card where it is narrow. */
export const rowHeight = { wide: 42, narrow: 48 } as const;
/** Where the list turns into cards (the container query in project-browser.css). */
const wideFrom = 1000;

/** "2 亿元（20,000 万元）" as the amount, with the 万元 figure quieter. */
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

export interface ProjectListProps {
  /** The rows in order; an empty place is a row whose part is still loading (a list loaded by window). */
  rows: readonly (ProjectRow | undefined)[];
  lang: Lang;
  t: UiStrings;
  sort: ProjectSort;
  selectedId: string | null;
  shortlist: readonly string[];
  planLabel: (id: PlanId) => string;
  onSort: (sort: ProjectSort) => void;
  onChoose: (row: ProjectRow) => void;
  onToggleShortlist: (row: ProjectRow) => void;
  /** Told the rows on screen (with the window's overscan), `end` exclusive, whenever they change. */
  onRange?: (start: number, end: number) => void;
}

export function ProjectList({ rows, lang, t, sort, selectedId, shortlist, planLabel, onSort, onChoose, onToggleShortlist, onRange }: ProjectListProps) {
  const b = t.browser;
  const scroller = useRef<HTMLDivElement>(null);
  const [wide, setWide] = useState(false);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setWide(el.clientWidth >= wideFrom);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const height = wide ? rowHeight.wide : rowHeight.narrow;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => height,
    overscan: 8,
    // Rows are never measured (their height is fixed), so the window keys them by index: the virtualizer's
    // O(rows) layout is then redone only when the count changes, not at every render of a 100,000-row list.
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new row height re-lays the window
  useEffect(() => virtualizer.measure(), [height, virtualizer]);

  // A selection made elsewhere (the map, a place list) scrolls its row into view.
  const selectedIndex = selectedId ? rows.findIndex((r) => r?.id === selectedId) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const columnLabel: Record<ProjectSort, string> = {
    plan: b.colPlan,
    name: b.colName,
    county: b.colCounty,
    category: b.colCategory,
    investment: b.colInvestment,
  };
  const header = (key: ProjectSort | null, label: string, className?: string) => {
    const active = key !== null && sort === key;
    return (
      <th scope="col" className={className} aria-sort={active ? (key === 'investment' ? 'descending' : 'ascending') : undefined}>
        {key ? (
          <button type="button" className={`pb-sort${active ? ' is-active' : ''}`} onClick={() => onSort(key)} title={b.sortBy(columnLabel[key])}>
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

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.length ? items[items.length - 1]!.index + 1 : 0;
  useEffect(() => onRange?.(first, last), [first, last, onRange]);
  const before = items[0]?.start ?? 0;
  const after = Math.max(0, virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0));

  return (
    <div className="pb-scroll" ref={scroller} data-wide={wide}>
      <table className="pb-table" aria-rowcount={rows.length + 1}>
        <caption className="visually-hidden">{b.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col" className="pb-star-col">
              <span className="visually-hidden">{b.shortlist}</span>
            </th>
            {header('name', b.colName, 'pb-col-name')}
            {header('plan', b.colPlan)}
            {header('category', b.colCategory)}
            {header('county', b.colCounty)}
            {header('investment', b.colInvestment, 'pb-num')}
            {header(null, b.colPrecision)}
            {header(null, b.colElement)}
          </tr>
        </thead>
        <tbody>
          {before > 0 && (
            <tr className="pb-spacer" aria-hidden="true" style={{ height: before }}>
              <td colSpan={8} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            // Its part is still loading: a row of the right height saying so, in its place.
            if (!row)
              return (
                <tr key={`pending-${item.index}`} aria-rowindex={item.index + 2} className="pb-row-pending" style={{ height }}>
                  <td colSpan={8} className="muted">
                    {b.loading}
                  </td>
                </tr>
              );
            const selected = row.id === selectedId;
            const listed = shortlist.includes(row.id);
            return (
              <tr
                key={row.id}
                data-id={row.id}
                aria-rowindex={item.index + 2}
                className={`pb-row${selected ? ' is-selected' : ''}`}
                aria-current={selected ? 'true' : undefined}
                style={{ height }}
                onClick={() => onChoose(row)}
              >
                <td className="pb-star-cell">
                  <button
                    type="button"
                    className="pb-star"
                    aria-pressed={listed}
                    aria-label={listed ? b.shortlistRemove(row.name) : b.shortlistAdd(row.name)}
                    title={listed ? b.shortlistRemove(row.name) : b.shortlistAdd(row.name)}
                    onClick={(e) => {
                      e.stopPropagation();
                      onToggleShortlist(row);
                    }}
                  >
                    <span aria-hidden="true">{listed ? '★' : '☆'}</span>
                  </button>
                </td>
                <th scope="row" className="pb-name">
                  <button
                    type="button"
                    className="pb-name-button"
                    aria-pressed={selected}
                    title={row.name}
                    onClick={(e) => {
                      e.stopPropagation();
                      onChoose(row);
                    }}
                  >
                    <span lang="zh-CN">{row.name}</span>
                  </button>
                  {englishName(row, lang) && <span className="pb-name-en">{row.nameEn}</span>}
                </th>
                <td className="pb-plan">{planLabel(row.plan)}</td>
                <td className="pb-category">
                  <span className="pb-cat">
                    <span className="cat-chip" style={{ background: categoryColors[row.category] }} aria-hidden="true">
                      {t.categoryGlyphs[row.category]}
                    </span>
                    {t.categoryNames[row.category]}
                  </span>
                </td>
                <td className="pb-county-cell" lang="zh-CN">
                  {row.county}
                </td>
                <td className={`pb-num pb-investment${row.investment ? '' : ' is-none'}`}>
                  {row.investment ? <Investment text={formatInvestment(row.investment, lang)} /> : b.noInvestment}
                </td>
                <td className={`pb-precision-cell is-${row.precision}`}>
                  <span className={`pb-precision pb-precision--${row.precision}`} title={t.precisionNames[row.precision]}>
                    {b.precision[row.precision]}
                  </span>
                </td>
                <td className={`pb-element${row.elementName ? '' : ' is-none'}`}>{row.elementName ? <span lang="zh-CN">{row.elementName}</span> : '—'}</td>
              </tr>
            );
          })}
          {after > 0 && (
            <tr className="pb-spacer" aria-hidden="true" style={{ height: after }}>
              <td colSpan={8} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
