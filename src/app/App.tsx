import { useEffect } from 'react';
import { loadCatalogue } from '../data/catalogue';
import { report } from '../data/notices';
import { BasemapSwitch } from '../features/basemap/BasemapSwitch';
import { DetailsPanel } from '../features/details/DetailsPanel';
import { EmbedBar } from '../features/embed/EmbedBar';
import { EmbedButton } from '../features/embed/EmbedDialog';
import { ExportMenu } from '../features/export/ExportMenu';
import { LanguageToggle } from '../features/language/LanguageToggle';
import { Legend } from '../features/legend/Legend';
import { MapView } from '../features/map/MapView';
import { Notices } from '../features/notices/Notices';
import { PlanOverview } from '../features/plans/PlanOverview';
import { PlanSwitcher } from '../features/plans/PlanSwitcher';
import { SearchBox } from '../features/search/SearchBox';
import { DraftOffer } from '../features/studio/DraftOffer';
import { reportMapView } from '../features/url-state/hash-sync';
import { languages } from '../i18n/languages';
import { useStrings } from '../i18n/use-strings';
import { isProjectsView } from '../state/present-slice';
import { useAtlasStore } from '../state/store';
import { BottomSheet, useSheetLayout } from '../ui/BottomSheet';
import { ChunkBoundary } from '../ui/ChunkBoundary';
import { retryableLazy } from '../ui/retryable-lazy';
import { startFocusReturn } from './focus-return';
import { settlePlan } from './start-plan';

// Desk features load when first used, so a first visit downloads only the map and its panels.
const projectBrowser = retryableLazy(
  () => import('../features/projects/ProjectBrowser'),
  (m) => m.ProjectBrowser,
);
const presentation = retryableLazy(
  () => import('../features/present/PresentationMode'),
  (m) => m.PresentationMode,
);
const loadStudio = () => import('../features/studio/StudioMode');
const studioMode = retryableLazy(loadStudio, (m) => m.StudioMode);
/** The studio's code starts loading when the pointer reaches ✎ 编辑, so a click finds it (or most of it) there. */
const prefetchStudio = () => void loadStudio().catch(() => undefined);

/** A frame sandboxed without allow-same-origin (an opaque origin): the map may not draw there, so the embed shows the plan's overview. */
const opaqueOrigin = typeof window !== 'undefined' && window.origin === 'null' && window.location.protocol !== 'file:';

const onViewChange = (view: Parameters<typeof reportMapView>[0]) => reportMapView(view, useAtlasStore);

export function App() {
  const t = useStrings();
  const lang = useAtlasStore((s) => s.lang);
  const embed = useAtlasStore((s) => s.embed);
  const selected = useAtlasStore((s) => s.selectedId);
  const view = useAtlasStore((s) => s.view);
  const projectsView = useAtlasStore(isProjectsView);
  const setView = useAtlasStore((s) => s.setView);
  const presenting = useAtlasStore((s) => s.presenting);
  const startPresenting = useAtlasStore((s) => s.startPresenting);
  const sheet = useAtlasStore((s) => s.sheet);
  const setSheet = useAtlasStore((s) => s.setSheet);
  const studio = useAtlasStore((s) => s.studio) && !embed && !presenting;
  const openStudio = useAtlasStore((s) => s.openStudio);
  const phone = useSheetLayout();
  useEffect(() => {
    let settled = false;
    loadCatalogue().then(
      (catalogue) => {
        settled = true;
        settlePlan(catalogue, useAtlasStore);
      },
      () => undefined,
    ); // the data layer shows the failure, with a retry
    // A plan named later (a pasted link) is settled the same way.
    return useAtlasStore.subscribe((s, prev) => {
      if (settled && s.planId !== prev.planId)
        loadCatalogue().then(
          (c) => settlePlan(c, useAtlasStore),
          () => undefined,
        );
    });
  }, []);
  useEffect(() => startFocusReturn(useAtlasStore), []);
  useEffect(() => {
    document.documentElement.lang = languages[lang].htmlLang;
    document.title = t.appTitle;
  }, [lang, t]);

  const chunkBoundary = (part: typeof projectBrowser, fallback: React.ReactNode) => <ChunkBoundary part={part} fallback={fallback} notices={t.notices} />;

  return (
    <div className={`app${embed ? ' app--embed' : ''}${presenting ? ' app--presenting' : ''}`}>
      <a className="skip-link" href="#map">
        {t.skipToMap}
      </a>
      {!embed && !presenting && (
        <header className="topbar">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <div>
              <h1 className="brand-title">{phone ? t.appTitlePhone : t.appTitle}</h1>
              <p className="brand-sub">{t.appSubtitle}</p>
            </div>
          </div>
          <PlanSwitcher />
          <SearchBox />
          <button
            type="button"
            className="btn view-toggle"
            aria-pressed={view === 'projects'}
            onClick={() => setView(view === 'projects' ? 'map' : 'projects')}
          >
            {view === 'projects' ? t.backToMap : t.projectList}
          </button>
          <button
            type="button"
            className="btn hide-phone"
            data-focus-key="present"
            disabled={studio}
            title={t.presentLabel}
            onClick={() => {
              startPresenting(0);
              document.documentElement.requestFullscreen?.().catch(() => undefined);
            }}
          >
            ▶ {t.present}
          </button>
          <button
            type="button"
            className="btn hide-phone"
            aria-pressed={studio}
            title={t.studioLabel}
            onPointerEnter={prefetchStudio}
            onClick={() => {
              if (studio) return;
              performance.mark('atlas-studio-open');
              openStudio();
            }}
          >
            ✎ {t.studio}
          </button>
          <ExportMenu />
          <EmbedButton />
          <LanguageToggle />
        </header>
      )}
      <main className={`stage${projectsView ? ' stage--projects' : ''}${studio ? ' stage--studio' : ''}`}>
        {projectsView && chunkBoundary(projectBrowser, <div className="project-browser" aria-busy="true" />)}
        {embed && <EmbedBar />}
        <MapView onViewChange={onViewChange} />
        {presenting ? (
          chunkBoundary(presentation, null)
        ) : (
          <Legend>
            <BasemapSwitch />
          </Legend>
        )}
        {studio && chunkBoundary(studioMode, <div className="studio" aria-busy="true" />)}
        {!presenting && !studio && (
          <BottomSheet
            className={`panel${selected || (embed && opaqueOrigin) ? ' panel--details' : ''}`}
            label={selected ? t.details : t.overview}
            handleLabel={t.sheetHandle}
            contentKey={selected ?? ''}
            enabled={phone && view === 'map' && (!embed || !!selected || opaqueOrigin)}
            snap={sheet}
            onSnap={setSheet}
          >
            {selected ? <DetailsPanel /> : <PlanOverview />}
          </BottomSheet>
        )}
        <Notices />
        {!embed && !presenting && !studio && <DraftOffer />}
      </main>
    </div>
  );
}

// Anything that escapes every boundary is still said on the page, not only in the console.
if (typeof window !== 'undefined') {
  window.addEventListener('unhandledrejection', (e) => {
    const reason = e.reason instanceof Error ? e.reason.message : String(e.reason);
    if (/dynamically imported module|Importing a module script failed|error loading dynamically/i.test(reason)) report({ type: 'chunk-failed', reason });
  });
}
