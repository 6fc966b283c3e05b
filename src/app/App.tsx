import { lazy, Suspense, useEffect } from 'react';
import { EmbedBar } from '../features/embed/EmbedBar';
import { EmbedButton } from '../features/embed/EmbedDialog';
import { ExportMenu } from '../features/export/ExportMenu';
import { MapView } from '../features/map/MapView';
import { DetailsPanel } from '../features/details/DetailsPanel';
import { Legend } from '../features/legend/Legend';
import { PlanOverview } from '../features/plans/PlanOverview';
import { PlanSwitcher } from '../features/plans/PlanSwitcher';
import { loadIndex } from '../features/plans/plan-data';
import { SearchBox } from '../features/search/SearchBox';
import { startHashSync } from '../features/url-state/hash-sync';
import { useAtlasStore } from '../state/store';
import { LanguageToggle } from '../ui/LanguageToggle';
import { useStrings } from '../ui/use-strings';

// Desk features load when first used, so a first visit downloads only the map and its panels.
const ProjectBrowser = lazy(() => import('../features/projects/ProjectBrowser').then((m) => ({ default: m.ProjectBrowser })));
const PresentationMode = lazy(() => import('../features/present/PresentationMode').then((m) => ({ default: m.PresentationMode })));

export function App() {
  const t = useStrings();
  const lang = useAtlasStore((s) => s.lang);
  const embed = useAtlasStore((s) => s.embed);
  const selected = useAtlasStore((s) => s.selectedId);
  const view = useAtlasStore((s) => s.view);
  const setView = useAtlasStore((s) => s.setView);
  const presenting = useAtlasStore((s) => s.presenting);
  const startPresenting = useAtlasStore((s) => s.startPresenting);
  useEffect(() => startHashSync(useAtlasStore), []);
  useEffect(() => {
    loadIndex().catch((e: unknown) => console.error('plans:', e));
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t.appTitle;
  }, [lang, t]);

  return (
    <div className={`app${embed ? ' app--embed' : ''}${presenting ? ' app--presenting' : ''}`}>
      <a className="skip-link" href="#map">{t.skipToMap}</a>
      {!embed && !presenting && (
        <header className="topbar">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <div>
              <h1 className="brand-title">{t.appTitle}</h1>
              <p className="brand-sub">{t.appSubtitle}</p>
            </div>
          </div>
          <PlanSwitcher />
          <SearchBox />
          <button type="button" className="btn view-toggle" aria-pressed={view === 'projects'} onClick={() => setView(view === 'projects' ? 'map' : 'projects')}>
            {view === 'projects' ? t.backToMap : t.projectList}
          </button>
          <button type="button" className="btn hide-phone" title={t.presentLabel} onClick={() => {
            startPresenting(0);
            document.documentElement.requestFullscreen?.().catch(() => undefined);
          }}>▶ {t.present}</button>
          <ExportMenu />
          <EmbedButton />
          <LanguageToggle />
        </header>
      )}
      <main className={`stage${view === 'projects' && !embed ? ' stage--projects' : ''}`}>
        {view === 'projects' && !embed && <Suspense fallback={<div className="project-browser" aria-busy="true" />}><ProjectBrowser /></Suspense>}
        {embed && <EmbedBar />}
        <MapView />
        {presenting ? <Suspense fallback={null}><PresentationMode /></Suspense> : <Legend />}
        {!presenting && <aside className={`panel${selected ? ' panel--details' : ''}`} aria-label={selected ? t.details : t.overview}>
          {selected ? <DetailsPanel /> : <PlanOverview />}
        </aside>}
      </main>
    </div>
  );
}
