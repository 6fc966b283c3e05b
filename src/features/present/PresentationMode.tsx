import { useEffect } from 'react';
import type { ResolvedChapter } from '../../data/chapters';
import { usePlan } from '../../data/hooks';
import type { UiStrings } from '../../i18n/languages';
import { useStrings } from '../../i18n/use-strings';
import { useAtlasStore } from '../../state/store';
import { IndicatorTable } from '../../ui/IndicatorTable';

/** A chapter's title: its own, or the name of its kind in the user's language. */
function chapterTitle(c: ResolvedChapter, t: UiStrings): string {
  if (c.title) return c.title;
  return c.kind === 'projects' ? t.keyProjects : c.kind === 'indicators' ? t.indicators : c.kind === 'nodes' ? t.nodes : t.overview;
}

const next = new Set(['ArrowRight', 'PageDown', ' ', 'Spacebar', 'ArrowDown']);
const prev = new Set(['ArrowLeft', 'PageUp', 'ArrowUp']);

/** Chapter by chapter, in large type, driven by a presentation clicker (→ ← PageDown PageUp Space Home End Esc). */
export function PresentationMode() {
  const t = useStrings();
  const planId = useAtlasStore((s) => s.planId);
  const chapter = useAtlasStore((s) => s.chapter);
  const setChapter = useAtlasStore((s) => s.setChapter);
  const stop = useAtlasStore((s) => s.stopPresenting);
  const bundle = usePlan(planId);
  const meta = bundle.status === 'ready' ? bundle.data.meta : undefined;
  const chapters = bundle.status === 'ready' ? bundle.data.chapters : [];
  const last = Math.max(chapters.length - 1, 0);
  const current = chapters[Math.min(chapter, last)];

  useEffect(() => {
    if (chapters.length && chapter > last) setChapter(last);
  }, [chapter, last, chapters.length, setChapter]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select')) return;
      let to: number | undefined;
      if (next.has(e.key)) to = Math.min(chapter + 1, last);
      else if (prev.has(e.key)) to = Math.max(chapter - 1, 0);
      else if (e.key === 'Home') to = 0;
      else if (e.key === 'End') to = last;
      else if (e.key === 'Escape') {
        e.preventDefault();
        if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
        stop();
        return;
      }
      if (to === undefined) return;
      e.preventDefault();
      setChapter(to);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [chapter, last, setChapter, stop]);

  if (!current || !meta)
    return (
      <div className="present-bar">
        <p aria-busy="true">{t.loading}</p>
      </div>
    );
  return (
    <>
      <div className="present-bar">
        <p className="present-plan" lang="zh-CN">
          {meta.formula ?? meta.title}
        </p>
        <ol className="present-progress" aria-label={t.progress}>
          {chapters.map((c, i) => (
            <li key={`${i}-${c.title}`}>
              <button
                type="button"
                aria-current={i === chapter ? 'step' : undefined}
                aria-label={`${i + 1}. ${chapterTitle(c, t)}`}
                title={chapterTitle(c, t)}
                onClick={() => setChapter(i)}
              />
            </li>
          ))}
        </ol>
        <p className="present-count" aria-hidden="true">
          {chapter + 1} / {chapters.length}
        </p>
        <div className="present-nav">
          <button type="button" className="btn" onClick={() => setChapter(Math.max(chapter - 1, 0))} disabled={chapter === 0} aria-label={t.previous}>
            ←
          </button>
          <button type="button" className="btn" onClick={() => setChapter(Math.min(chapter + 1, last))} disabled={chapter === last} aria-label={t.next}>
            →
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => {
              if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
              stop();
            }}
          >
            {t.exitPresentation}
          </button>
        </div>
      </div>
      <section className={`present-card${current.indicators ? ' present-card--wide' : ''}`} aria-live="polite" aria-labelledby="present-title">
        <p className="present-kicker" lang="zh-CN">
          {current.kicker || (current.kind === 'overview' ? t.overview : '')}
        </p>
        <h2 id="present-title" className="present-title" lang="zh-CN">
          {chapterTitle(current, t)}
        </h2>
        {current.caption && (
          <blockquote className="present-caption" lang="zh-CN">
            {current.caption}
          </blockquote>
        )}
        {current.section && (
          <p className="present-section">
            {t.section} {current.section}
          </p>
        )}
        {current.indicators &&
          (meta.indicators.length > 0 ? (
            <IndicatorTable plan={meta} labels={t} />
          ) : (
            <ul className="present-targets" lang="zh-CN">
              {meta.targets.slice(0, 6).map((x) => (
                <li key={x.quote}>{x.quote}</li>
              ))}
            </ul>
          ))}
      </section>
    </>
  );
}
