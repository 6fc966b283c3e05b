/**
 * The shortlist side by side: one column per project, one row per fact (plan, element, category, county,
 * investment, precision, functions, the plan's words and their section), sortable by investment, with the total.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { type Lang, planTitle, type UiStrings } from '../../i18n/languages';
import { formatInvestment } from '../../i18n/format-investment';
import { categoryColors } from '../../lib/presentation';
import { investmentTotal, sortProjects } from '../../lib/project-filter';
import type { PlanId } from '../../lib/vocabulary';
import type { ProjectRow } from '../../lib/project-filter';

export interface CompareDialogProps {
  rows: readonly ProjectRow[];
  lang: Lang;
  t: UiStrings;
  plans: readonly { id: PlanId; title: string; titleEn?: string | undefined }[];
  onClose: () => void;
  onRemove: (id: string) => void;
  onShow: (row: ProjectRow) => void;
}

export function CompareDialog({ rows, lang, t, plans, onClose, onRemove, onShow }: CompareDialogProps) {
  const b = t.browser;
  const uid = useId();
  const [byInvestment, setByInvestment] = useState(false);
  const shown = useMemo(() => (byInvestment ? sortProjects(rows, 'investment') : rows), [rows, byInvestment]);
  const total = useMemo(() => investmentTotal(rows), [rows]);
  const titles = new Map(plans.map((p) => [p.id, planTitle(p, lang)]));
  const closeButton = useRef<HTMLButtonElement>(null);
  // The latest onClose, read when a key comes: the listener is added once, so a re-render of the page (a selection
  // cleared by the same Escape, say) never swaps it out in the middle of the key's dispatch.
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeButton.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      // Captured before the page's own Escape (which would clear the selection under the dialog).
      e.preventDefault();
      e.stopPropagation();
      close.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      // Focus goes back where it was (the 并排对比 button), not to the page's top.
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const facts: { label: string; cell: (r: ProjectRow) => React.ReactNode; className?: string }[] = [
    { label: b.rowPlan, cell: (r) => titles.get(r.plan) ?? r.plan },
    { label: b.rowElement, cell: (r) => r.elementName ?? '—' },
    {
      label: b.rowCategory,
      cell: (r) => (
        <span className="pb-cat">
          <span className="cat-chip" style={{ background: categoryColors[r.category] }} aria-hidden="true">
            {t.categoryGlyphs[r.category]}
          </span>
          {t.categoryNames[r.category]}
        </span>
      ),
    },
    { label: b.rowCounty, cell: (r) => r.county },
    { label: b.rowInvestment, cell: (r) => (r.investment ? formatInvestment(r.investment, lang) : b.noInvestment), className: 'cmp-investment' },
    { label: b.rowPrecision, cell: (r) => t.precisionNames[r.precision] },
    { label: b.rowFunctions, cell: (r) => (r.functions.length ? r.functions.join('；') : '—') },
    {
      label: b.rowQuote,
      cell: (r) => (
        <blockquote className="cmp-quote">
          <p>{r.quote}</p>
          <footer>
            {b.rowSection}：{r.section}
          </footer>
        </blockquote>
      ),
    },
  ];

  return (
    // A click beside the dialog closes it; the keyboard has Escape and the × button.
    <div className="cmp-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div className="cmp-dialog" role="dialog" aria-modal="true" aria-labelledby={`${uid}-title`}>
        <header className="cmp-head">
          <h2 id={`${uid}-title`}>{b.compareTitle}</h2>
          <div className="pb-tabs" role="group" aria-label={b.sort}>
            <button type="button" className="pb-tab" aria-pressed={!byInvestment} onClick={() => setByInvestment(false)}>
              {b.compareKeep}
            </button>
            <button type="button" className="pb-tab" aria-pressed={byInvestment} onClick={() => setByInvestment(true)}>
              {b.compareSort}
            </button>
          </div>
          <button type="button" className="btn btn--icon" ref={closeButton} onClick={onClose} aria-label={b.compareClose} title={`${b.compareClose} (Esc)`}>
            ×
          </button>
        </header>
        <p className="cmp-total">
          {total.given ? b.total(formatInvestment({ amount: total.wan, unit: '万元' }, lang), total.given, total.count) : b.totalNone(total.count)}
        </p>
        <div className="cmp-scroll">
          <table className="cmp-table">
            <thead>
              <tr>
                <td />
                {shown.map((r) => (
                  <th key={r.id} scope="col" lang="zh-CN">
                    <button type="button" className="link cmp-name" onClick={() => onShow(r)} title={t.flyTo}>
                      {r.name}
                    </button>
                    <button
                      type="button"
                      className="pb-star cmp-remove"
                      aria-pressed="true"
                      aria-label={b.shortlistRemove(r.name)}
                      title={b.shortlistRemove(r.name)}
                      onClick={() => onRemove(r.id)}
                    >
                      <span aria-hidden="true">★</span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {facts.map((f) => (
                <tr key={f.label} className={f.className}>
                  <th scope="row">{f.label}</th>
                  {shown.map((r) => (
                    <td key={r.id} lang="zh-CN">
                      {f.cell(r)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
