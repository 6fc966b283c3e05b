/**
 * The project workspace for investors: every located project of every plan as a dense, windowed list beside the
 * map. Filters live in the store (and so in the URL) and fold into a bar of active chips; the map draws and frames
 * exactly the list on screen, the filtered projects or (the 入选 tab) the shortlist. Projects can be shortlisted
 * (kept in the URL), compared side by side, and the list handed over in any format of the registry
 * (export-formats.ts). The parts: FilterBar (with MoreFilters), DownloadMenu, ProjectList, and useProjectLists.
 */
import { useCallback, useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { report } from '../../data/notices';
import { setProjectWindow } from '../../data/project-parts';
import { useStrings } from '../../i18n/use-strings';
import type { Lang } from '../../i18n/languages';
import { formatInvestment } from '../../i18n/format-investment';
import { hasFilters, shortlistMax, type InvestmentTotal, type ProjectRow, type ProjectSort } from '../../lib/project-filter';
import type { PlanId } from '../../lib/vocabulary';
import { useAtlasStore } from '../../state/store';
import { downloadBlob } from '../../ui/download';
import { CompareDialog } from './CompareDialog';
import { DownloadMenu } from './DownloadMenu';
import { exportFileName } from './download';
import { exportFormats, type ExportFormat, type ExportInput, type ExportView, type ExportViewInput } from './export-formats';
import { FilterBar } from './FilterBar';
import { ProjectList } from './ProjectList';
import { firstRows } from './row-source';
import { useProjectLists } from './use-project-lists';
import './project-browser.css';

/** "投资合计 12.3 亿元（…）", from the investments the plans give (万元; 亿元 converted). */
export function totalText(total: InvestmentTotal, t: ReturnType<typeof useStrings>, lang: Lang): string {
  if (!total.count) return '';
  if (!total.given) return t.browser.totalNone(total.count);
  return t.browser.total(formatInvestment({ amount: total.wan, unit: '万元' }, lang), total.given, total.count);
}

export interface ProjectBrowserProps {
  /** The download menu's formats; the registry unless a test gives its own. */
  formats?: readonly ExportFormat[];
}

export function ProjectBrowser({ formats = exportFormats }: ProjectBrowserProps = {}) {
  const ui = useStrings();
  const t = ui.browser;
  // What the workspace reads and the actions it calls, in one subscription (re-rendered only when one changes).
  const { lang, filters, selectedId, shortlist, shortlistDropped } = useAtlasStore(
    useShallow((s) => ({ lang: s.lang, filters: s.projectFilters, selectedId: s.selectedId, shortlist: s.shortlist, shortlistDropped: s.shortlistDropped })),
  );
  const { setProjectFilters: setFilters, showFeature, setPlan, toggleShortlist, setShortlist, setProjectList: setMode } = useAtlasStore.getState();
  const lists = useProjectLists();
  const { mode, plans, shortRows, listed, total, loading, planLabel, progress } = lists;
  const uid = useId();
  const [comparing, setComparing] = useState(false);
  const [view, setView] = useState<{ View: ExportView; input: ExportViewInput } | null>(null);
  const [working, setWorking] = useState(false);
  const filtered = hasFilters(filters);

  const chooseRow = useCallback((row: ProjectRow) => showFeature({ plan: row.plan, id: row.id }), [showFeature]);
  const onToggleShortlist = useCallback((row: ProjectRow) => toggleShortlist(row.id), [toggleShortlist]);
  const onSort = useCallback((sort: ProjectSort) => setFilters({ sort }), [setFilters]);
  const closeCompare = useCallback(() => setComparing(false), []);
  const clear = () => setFilters({ plans: [], counties: [], categories: [], element: null, query: '' });
  /** The plan filter is the plan menu's plan: choosing one here opens it under the list (and in the menu). */
  const choosePlan = (id: PlanId | '') => {
    setFilters({ plans: id ? [id] : [] });
    // The list paints first; the plan (its menu entry, its areas under the projects) follows a frame later.
    if (id) requestAnimationFrame(() => setTimeout(() => setPlan(id), 0));
  };

  /** Loads the chosen format's writer and hands it exactly the list on screen. */
  const runFormat = async (format: ExportFormat) => {
    if (!lists.download) return;
    const fromShortlist = mode === 'shortlist';
    const input: ExportInput = { rows: lists.download, lang, plans, total, source: fromShortlist ? t.fromShortlist : t.fromFilter };
    setWorking(true);
    try {
      const action = await format.load();
      if (action.kind === 'view') setView({ View: action.View, input: { ...input, rows: await firstRows(input.rows, action.most), count: input.rows.count } });
      else downloadBlob(await action.write(input), exportFileName(action.ext, fromShortlist ? [] : filters.plans, new Date(), fromShortlist, action.tag));
    } catch (e) {
      report({ type: 'download-failed', reason: e instanceof Error ? e.message : String(e) });
    } finally {
      setWorking(false);
    }
  };

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

      {mode === 'all' && <FilterBar t={ui} lang={lang} filters={filters} lists={lists} setFilters={setFilters} choosePlan={choosePlan} clear={clear} />}
      {shortlistDropped > 0 && (
        <p className="notice pb-notice" role="status">
          {t.shortlistCapped(shortlistMax, shortlistDropped)}
        </p>
      )}

      <div className="pb-bar">
        <div className="pb-figures">
          <p className="pb-total" role="status" aria-live="polite">
            {mode === 'shortlist' ? t.listShortlist(shortRows.length) : t.count(lists.listedCount, lists.totalCount)}
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
        <DownloadMenu formats={formats} t={ui} count={lists.download?.count ?? 0} busy={working} onChoose={(f) => void runFormat(f)} />
      </div>

      {loading && (
        <p className="pb-status" aria-busy="true">
          {t.loading}
        </p>
      )}
      {/* Parts of the current filters still arriving: the list grows as they do. */}
      {!loading && progress && progress.total > 0 && (
        <p className="pb-status" role="status" aria-busy="true">
          {t.partsLoaded(progress.loaded, progress.total)}
        </p>
      )}
      {lists.failed && <p className="notice notice--error pb-notice">{ui.notices.projectsFailed}</p>}

      {listed.length === 0 && !loading && !lists.partial ? (
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
        lists.shown.length > 0 && (
          <ProjectList
            rows={lists.shown}
            lang={lang}
            t={ui}
            sort={filters.sort}
            selectedId={selectedId}
            shortlist={shortlist}
            planLabel={planLabel}
            onSort={onSort}
            onChoose={chooseRow}
            onToggleShortlist={onToggleShortlist}
            onRange={setProjectWindow}
          />
        )
      )}

      {comparing && (
        <CompareDialog
          rows={shortRows}
          lang={lang}
          t={ui}
          plans={plans}
          onClose={closeCompare}
          onRemove={(id) => toggleShortlist(id)}
          onShow={(row) => {
            setComparing(false);
            chooseRow(row);
          }}
        />
      )}
      {view && <view.View {...view.input} onClose={() => setView(null)} />}
    </section>
  );
}
