import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { type ChapterStep, type ResolvedChapter, stepFrom } from '../../data/chapters';
import { usePlan } from '../../data/hooks';
import type { UiStrings } from '../../i18n/languages';
import { useStrings } from '../../i18n/use-strings';
import { useAtlasStore } from '../../state/store';
import { IndicatorTable } from '../../ui/IndicatorTable';
import { onSlidePicture, openPresenterWindow, slidePicture, syncWithOtherWindow } from './presenter-sync';
import { SlideLegend } from './SlideLegend';

const nextKeys = new Set(['ArrowRight', 'PageDown', ' ', 'Spacebar', 'ArrowDown', 'Enter']);
const prevKeys = new Set(['ArrowLeft', 'PageUp', 'ArrowUp', 'Backspace']);

/** A chapter's title: its own, or the name of its kind in the user's language. */
export function chapterTitle(c: ResolvedChapter, t: UiStrings): string {
  if (c.title) return c.title;
  return c.kind === 'projects' ? t.keyProjects : c.kind === 'indicators' ? t.indicators : c.kind === 'nodes' ? t.nodes : t.overview;
}

/** The text of a slide's card at one step: kicker, title, key-project names, the plan's words and their section. */
export function CardText({ chapter, step, t }: { chapter: ResolvedChapter; step: ChapterStep; t: UiStrings }) {
  // A quote split across steps: a step that stops mid-sentence says the quote goes on (the words stay verbatim).
  const continued = !!step.caption && !/[。；！？”]$/.test(step.caption) && chapter.steps.indexOf(step) < chapter.steps.length - 1;
  return (
    <>
      <p className="present-kicker" lang={chapter.kicker ? 'zh-CN' : undefined}>
        {chapter.kicker || (chapter.kind === 'overview' ? t.overview : chapter.counts ? t.keyProjectsOf(chapter.counts.key, chapter.counts.all) : '')}
      </p>
      <h2 id="present-title" className="present-title" lang="zh-CN">
        {chapterTitle(chapter, t)}
      </h2>
      {step.names && (
        <ul className="present-names" lang="zh-CN" aria-label={t.keyProjects}>
          {step.names.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {step.caption && (
        <blockquote className={`present-caption${continued ? ' is-continued' : ''}`} lang="zh-CN">
          {step.caption}
        </blockquote>
      )}
      {(step.section ?? chapter.section) && (
        <p className="present-section">
          {t.section} {step.section ?? chapter.section}
        </p>
      )}
    </>
  );
}

/**
 * Chapter by chapter, step by step, in large type, driven by a presentation clicker (→ ← PageDown PageUp Space
 * Home End Esc); P opens the presenter's window (notes, next slide, timer) that stays in step.
 */
export function PresentationMode() {
  const t = useStrings();
  const lang = useAtlasStore((s) => s.lang);
  const planId = useAtlasStore((s) => s.planId);
  const chapter = useAtlasStore((s) => s.chapter);
  const step = useAtlasStore((s) => s.step);
  const presenter = useAtlasStore((s) => s.presenter);
  const setChapter = useAtlasStore((s) => s.setChapter);
  const stop = useAtlasStore((s) => s.stopPresenting);
  const bundle = usePlan(planId);
  const plan = bundle.status === 'ready' ? bundle.data : undefined;
  const chapters = plan?.chapters ?? [];
  const last = Math.max(chapters.length - 1, 0);
  const current = chapters[Math.min(chapter, last)];
  const steps = current?.steps ?? [];
  const stepNow = steps[Math.min(step, Math.max(steps.length - 1, 0))] ?? {};

  useEffect(() => {
    if (chapters.length && chapter > last) setChapter(last);
  }, [chapter, last, chapters.length, setChapter]);
  // The presenter's map shows the next slide (src/features/map/style-sync.ts): its pictures are kept as that slide's.
  const chaptersRef = useRef(chapters);
  chaptersRef.current = chapters;
  useEffect(() => syncWithOtherWindow(useAtlasStore, (c, s) => (useAtlasStore.getState().presenter ? stepFrom(chaptersRef.current, c, s, 1) : [c, s])), []);

  // Listening from the commit that shows the slides: a key pressed as soon as they are on screen (a busy machine may
  // run passive effects a task later) reaches the presentation.
  useLayoutEffect(() => {
    const go = (to: [number, number]) => setChapter(to[0], to[1]);
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      // Escape leaves from anywhere, a focused button or field included.
      if (e.key === 'Escape') {
        e.preventDefault();
        if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
        stop();
        return;
      }
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, button, a')) {
        if (!(e.key.startsWith('Arrow') || e.key.startsWith('Page'))) return;
      }
      if (nextKeys.has(e.key)) go(stepFrom(chapters, chapter, step, 1));
      else if (prevKeys.has(e.key)) go(stepFrom(chapters, chapter, step, -1));
      else if (e.key === 'Home') go([0, 0]);
      else if (e.key === 'End') go([last, 0]);
      else if (e.key === 'p' || e.key === 'P') {
        if (!presenter) openPresenterWindow();
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [chapters, chapter, step, last, presenter, setChapter, stop]);

  if (!current || !plan) {
    return (
      <div className="present-bar">
        <p aria-busy="true">{t.loading}</p>
      </div>
    );
  }
  const meta = plan.meta;
  if (presenter) return <PresenterView planId={planId} chapters={chapters} chapter={Math.min(chapter, last)} step={step} t={t} />;
  const focus = stepNow.features ?? current.features;
  const legend = <SlideLegend plan={plan} chapter={current} focus={focus} t={t} lang={lang} />;
  const card = (
    <section className={`present-card${current.indicators ? ' present-card--wide' : ''}`} aria-live="polite" aria-labelledby="present-title">
      <CardText chapter={current} step={stepNow} t={t} />
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
      {steps.length > 1 && (
        <p className="present-steps" aria-hidden="true">
          {steps.map((_, i) => (
            <span key={i} className={i === step ? 'is-current' : ''} />
          ))}
        </p>
      )}
    </section>
  );
  const [nextChapter, nextStep] = stepFrom(chapters, chapter, step, 1);
  const [prevChapter, prevStep] = stepFrom(chapters, chapter, step, -1);
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
          {steps.length > 1 && (
            <span className="present-step-count">
              {' '}
              · {Math.min(step, steps.length - 1) + 1}/{steps.length}
            </span>
          )}
        </p>
        <div className="present-nav">
          <button
            type="button"
            className="btn"
            onClick={() => setChapter(prevChapter, prevStep)}
            disabled={chapter === 0 && step === 0}
            aria-label={t.previous}
          >
            ←
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => setChapter(nextChapter, nextStep)}
            disabled={nextChapter === chapter && nextStep === step}
            aria-label={t.next}
          >
            →
          </button>
          <button type="button" className="btn" onClick={openPresenterWindow} title={t.presenterHint}>
            {t.presenterView}
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
      {current.indicators ? (
        // The indicators' wide card and the plan's legend share the left column; the map frames the province beside it.
        <div className="present-side">
          {card}
          {legend}
        </div>
      ) : (
        <>
          {card}
          {legend}
        </>
      )}
    </>
  );
}

/** A slide's picture, or a line saying it is being drawn. */
function SlidePicture({ url, label, waiting }: { url: string | undefined; label: string; waiting: string }) {
  return (
    <figure className="presenter-picture">
      {url ? <img src={url} alt={label} /> : <p className="presenter-picture-waiting">{waiting}</p>}
      <figcaption className="visually-hidden">{label}</figcaption>
    </figure>
  );
}

/** Speaker notes, one text per plan, kept in this browser (localStorage; nothing leaves the page). */
export function PresenterNotes({ planId, label }: { planId: string; label: string }) {
  const key = `atlas-presenter-notes:${planId}`;
  const read = () => {
    try {
      return window.localStorage.getItem(key) ?? '';
    } catch {
      return ''; // storage refused (a sandboxed frame, a private window): notes last as long as the window
    }
  };
  const [text, setText] = useState(read);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read depends on key only
  useEffect(() => setText(read()), [key]);
  return (
    <label className="presenter-notes">
      <span className="section-title">{label}</span>
      <textarea
        value={text}
        rows={5}
        onChange={(e) => {
          setText(e.target.value);
          try {
            window.localStorage.setItem(key, e.target.value);
          } catch {
            // kept on screen only
          }
        }}
      />
    </label>
  );
}

/**
 * The presenter's window: the slide on screen (a picture of its map, its text, the plan's full words and section),
 * the next slide (a picture and its title), speaker notes kept per plan, and a timer.
 */
function PresenterView({ planId, chapters, chapter, step, t }: { planId: string; chapters: ResolvedChapter[]; chapter: number; step: number; t: UiStrings }) {
  const setChapter = useAtlasStore((s) => s.setChapter);
  const [started] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const current = chapters[chapter]!;
  const stepNow = current.steps[Math.min(step, current.steps.length - 1)] ?? {};
  const [nc, ns] = stepFrom(chapters, chapter, step, 1);
  const next = nc === chapter && ns === step ? undefined : chapters[nc];
  const nextStep = next?.steps[ns];
  useSyncExternalStore(onSlidePicture, () => `${slidePicture(chapter, step) ?? ''}|${slidePicture(nc, ns) ?? ''}`);
  const stepShown = Math.min(step, current.steps.length - 1);
  const seconds = Math.floor((now - started) / 1000);
  const clock = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  return (
    <div className="presenter">
      <header className="presenter-head">
        <p className="presenter-timer">
          <span className="visually-hidden">{t.presenterTimer} </span>
          <time>{clock}</time>
        </p>
        <p className="present-count">
          {chapter + 1} / {chapters.length} · {Math.min(step, current.steps.length - 1) + 1}/{current.steps.length}
        </p>
        <div className="present-nav">
          <button type="button" className="btn" onClick={() => setChapter(...stepFrom(chapters, chapter, step, -1))} aria-label={t.previous}>
            ←
          </button>
          <button type="button" className="btn" onClick={() => setChapter(nc, ns)} aria-label={t.next}>
            →
          </button>
        </div>
      </header>
      <section className="presenter-now" aria-label={t.presenterNow}>
        <SlidePicture url={slidePicture(chapter, step) ?? slidePicture(chapter, stepShown)} label={t.presenterNowPicture} waiting={t.presenterPictureWaiting} />
        <CardText chapter={current} step={stepNow} t={t} />
        {current.steps.length > 1 && (
          <div className="presenter-full">
            <h3 className="section-title">{t.presenterFullQuote}</h3>
            <p lang="zh-CN">{current.steps.map((s) => s.caption ?? '').join('')}</p>
          </div>
        )}
      </section>
      <aside className="presenter-next" aria-label={t.presenterNext}>
        <h3 className="section-title">{t.presenterNext}</h3>
        {next ? (
          <>
            <SlidePicture url={slidePicture(nc, ns)} label={t.presenterNextPicture} waiting={t.presenterPictureWaiting} />
            <h4 className="presenter-next-title" lang="zh-CN">
              {chapterTitle(next, t)}
            </h4>
            <p lang="zh-CN">{nextStep?.names?.join('、') ?? nextStep?.caption ?? ''}</p>
          </>
        ) : (
          <p>{t.presenterEnd}</p>
        )}
        <PresenterNotes planId={planId} label={t.presenterNotes} />
      </aside>
    </div>
  );
}
