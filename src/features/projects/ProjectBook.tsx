/**
 * The project book: the filtered list or the shortlist as a printable A4 report, one block per project (name, plan,
 * element, category, county, investment, precision, the plan's words and their section, a small locator map drawn
 * from the base geography already loaded). It opens as a preview over the page; printing prints only the book.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { loadBaseData } from '../../data/base-geo';
import { englishName, languages, type Lang, planTitle } from '../../i18n/languages';
import { formatInvestment } from '../../i18n/format-investment';
import { categoryColors } from '../../lib/presentation';
import type { InvestmentTotal } from '../../lib/project-filter';
import type { PlanId } from '../../lib/vocabulary';
import { dayStamp } from '../../ui/download';
import { makeLocator, type Locator } from './locator';
import type { ProjectRow } from '../../lib/project-filter';

/** A book of more than this many blocks is cut (and says so): a browser prints it, a reader does not read it. */
export const bookLimit = 400;

export interface ProjectBookProps {
  /** The list's first rows (the book shows {@link bookLimit} of them). */
  rows: readonly ProjectRow[];
  /** How many rows the list has. */
  count: number;
  lang: Lang;
  plans: readonly { id: PlanId; title: string; titleEn?: string | undefined }[];
  total: InvestmentTotal;
  /** What the book holds: the filtered list or the shortlist. */
  source: string;
  onClose: () => void;
}

export function ProjectBook({ rows, count, lang, plans, total, source, onClose }: ProjectBookProps) {
  const t = languages[lang];
  const b = t.browser;
  const uid = useId().replace(/[^a-zA-Z0-9]/g, '');
  const [locator, setLocator] = useState<Locator | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    loadBaseData().then(
      (base) => live && setLocator(makeLocator(base.province, base.counties) ?? null),
      () => live && setLocator(null), // the data layer shows the failure; the book is printed without locators
    );
    return () => {
      live = false;
    };
  }, []);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    document.documentElement.classList.add('has-book');
    const page = document.createElement('style');
    page.textContent = '@page { size: A4 portrait; margin: 12mm 12mm 14mm; }';
    document.head.append(page);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.documentElement.classList.remove('has-book');
      page.remove();
    };
  }, [onClose]);

  const entries = rows.slice(0, bookLimit);
  const titles = new Map(plans.map((p) => [p.id, planTitle(p, lang)]));
  const codes = useMemo(() => [...new Set(entries.flatMap((r) => r.counties))], [entries]);
  const ready = locator !== undefined;

  return createPortal(
    <div className="book-root" role="dialog" aria-modal="true" aria-labelledby={`${uid}-title`} data-ready={ready}>
      <div className="book-toolbar">
        <span className="book-toolbar-title">{b.reportTitle}</span>
        <button type="button" className="btn btn--primary" onClick={() => window.print()} disabled={!ready}>
          {b.reportPrint}
        </button>
        <button type="button" className="btn" ref={close} onClick={onClose}>
          {b.reportClose}
        </button>
      </div>
      {locator && (
        <svg className="book-defs" aria-hidden="true" width="0" height="0">
          <defs>
            <path id={`${uid}-province`} d={locator.province} />
            {codes.map((c) => {
              const d = locator.county(c);
              return d ? <path key={c} id={`${uid}-county-${c}`} d={d} /> : null;
            })}
          </defs>
        </svg>
      )}
      <div className="book-pages">
        <header className="book-cover">
          <h1 id={`${uid}-title`}>{b.reportTitle}</h1>
          <p className="book-sub">
            {source} · {b.reportSubtitle(count, dayStamp())}
          </p>
          {total.count > 0 && (
            <p className="book-total">
              {total.given ? b.total(formatInvestment({ amount: total.wan, unit: '万元' }, lang), total.given, total.count) : b.totalNone(total.count)}
            </p>
          )}
          {count > entries.length && <p className="notice">{b.reportLimit(entries.length, count)}</p>}
          {!ready && <p className="muted">{b.reportLoading}</p>}
        </header>
        {entries.map((r, i) => {
          const [x, y] = locator ? locator.project(r.lon, r.lat) : [0, 0];
          const approx = r.precision !== 'exact';
          return (
            <article key={r.id} className="book-entry" data-id={r.id}>
              <div className="book-entry-text">
                <p className="book-kicker">
                  <span className="book-no">{i + 1}</span>
                  <span className="cat-chip" style={{ background: categoryColors[r.category] }} aria-hidden="true">
                    {t.categoryGlyphs[r.category]}
                  </span>
                  {t.categoryNames[r.category]}
                </p>
                <h2 className="book-name" lang="zh-CN">
                  {r.name}
                </h2>
                {englishName(r, lang) && <p className="book-name-en">{r.nameEn}</p>}
                <dl className="book-facts">
                  <dt>{b.rowPlan}</dt>
                  <dd lang="zh-CN">{titles.get(r.plan) ?? r.plan}</dd>
                  <dt>{b.rowElement}</dt>
                  <dd lang="zh-CN">{r.elementName ?? '—'}</dd>
                  <dt>{b.rowCounty}</dt>
                  <dd lang="zh-CN">{r.county}</dd>
                  <dt>{b.rowInvestment}</dt>
                  <dd>{r.investment ? formatInvestment(r.investment, lang) : b.noInvestment}</dd>
                  <dt>{b.rowPrecision}</dt>
                  <dd>{t.precisionNames[r.precision]}</dd>
                  {r.functions.length > 0 && (
                    <>
                      <dt>{b.rowFunctions}</dt>
                      <dd lang="zh-CN">{r.functions.join('；')}</dd>
                    </>
                  )}
                </dl>
                <blockquote className="book-quote" lang="zh-CN">
                  <p>{r.quote}</p>
                  <footer>
                    {b.sourceLabel}：{r.section}
                  </footer>
                </blockquote>
              </div>
              {locator && (
                <figure className="book-locator">
                  <svg viewBox={locator.viewBox} role="img" aria-label={b.reportLocator(r.county)}>
                    <use href={`#${uid}-province`} className="book-province" />
                    {r.counties.map((c) => (locator.county(c) ? <use key={c} href={`#${uid}-county-${c}`} className="book-county" /> : null))}
                    <circle cx={x} cy={y} r={approx ? 7 : 4.5} className={approx ? 'book-point book-point--approx' : 'book-point'} />
                    <circle cx={x} cy={y} r={2.6} className="book-dot" />
                  </svg>
                  <figcaption lang="zh-CN">
                    {r.county}
                    {approx ? ` · ${t.precisionNames[r.precision]}` : ''}
                  </figcaption>
                </figure>
              )}
            </article>
          );
        })}
      </div>
    </div>,
    document.body,
  );
}
