/**
 * The plan studio (编辑 / Edit): a plan's sources opened for correction beside the map, every edit a change of the
 * shared edit model, the map a live preview compiled by the build's own compiler, its problems the validator's
 * lines. Loaded only when the studio opens.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Change } from '../../compiler/edit/types';
import { loadCatalogue } from '../../data/catalogue';
import { useCatalogue } from '../../data/hooks';
import { endPreview } from '../../data/preview';
import { languages } from '../../i18n/languages';
import { otherProblem, type PlanProblem, problemLine } from '../../lib/plan-problems';
import { useAtlasStore } from '../../state/store';
import { dropDraft, keepDraft, readDraft } from './autosave';
import { ChangeList } from './ChangeList';
import { Editor } from './Editor';
import { runPreview, warmPreview } from './live-preview';
import { NewPlanForm } from './NewPlanForm';
import { OpenFolder } from './OpenFolder';
import { usePlanView } from './plan-view';
import { Problems } from './Problems';
import { saveChangeSet, saveZip, writeBack } from './save';
import { SeedPane } from './SeedPane';
import { isDirty, type Opened, setCheckBase, useSession } from './session';
import { type FolderWriter, loadAtlasSources, loadCompilerBase } from './sources';
import { useStudioStrings } from './strings';
import './studio.css';

// The base geography is read as soon as the studio's code arrives, alongside the plan's sources (both are needed
// before the map is editable).
loadCompilerBase().catch(() => undefined);

const typing = (el: Element | null) =>
  !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || (el as HTMLElement).isContentEditable);

export function StudioMode() {
  const t = useStudioStrings();
  const lang = useAtlasStore((s) => s.lang);
  const planId = useAtlasStore((s) => s.planId);
  const closeStudio = useAtlasStore((s) => s.closeStudio);
  const setPlan = useAtlasStore((s) => s.setPlan);
  const catalogue = useCatalogue();
  const session = useSession();
  const view = usePlanView();
  const [loadError, setLoadError] = useState('');
  const [problems, setProblems] = useState<PlanProblem[]>([]);
  const [compiling, setCompiling] = useState(true);
  const [newPlan, setNewPlan] = useState(false);
  const [message, setMessage] = useState('');
  const writer = useRef<FolderWriter | undefined>(undefined);
  // The plan as the atlas published it, opened with no change: its published layer is its compiled result (the data
  // tests keep layers up to date), so it is not compiled again until it is edited.
  const published = useRef<unknown>(null);
  const dirty = isDirty(session);

  const open = useCallback(
    (opened: Opened, changes?: readonly Change[]) => {
      const refused = useSession.getState().open(opened, changes);
      published.current = opened.origin === 'atlas' && !changes?.length ? useSession.getState().plan : null;
      setMessage(refused.length ? t.draftRefused(refused.length) : '');
      setLoadError('');
      setNewPlan(false);
    },
    [t],
  );

  // Opening: a draft to restore, else the plan on the map from the published atlas.
  useEffect(() => {
    const s = useAtlasStore.getState();
    const draft = s.studioRestore ? readDraft() : undefined;
    if (draft) {
      useSession.getState().setWho(draft.who ?? '');
      open(draft.opened, draft.changes);
      if (draft.opened.origin !== 'new' && draft.opened.folder !== s.planId) s.setPlan(draft.opened.folder);
    }
  }, [open]);
  // Another plan chosen in the menu opens in the studio (asking first if this one has unsaved changes).
  const shownPlan = useRef('');
  useEffect(() => {
    if (!planId || planId === shownPlan.current) return;
    const first = !shownPlan.current;
    shownPlan.current = planId;
    const current = useSession.getState();
    if (current.opened?.folder === planId || (first && current.opened)) return;
    if (current.opened && isDirty(current)) {
      if (!window.confirm(t.switchConfirm(current.opened.folder))) {
        shownPlan.current = current.opened.folder;
        return setPlan(current.opened.folder);
      }
      dropDraft();
    }
    if (current.opened && current.opened.origin !== 'atlas') endPreview();
    let live = true;
    loadAtlasSources(planId).then(
      (opened) => live && open(opened),
      (e: unknown) => live && setLoadError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [planId, open, setPlan, t]);

  // The live preview: compiled a moment after the last change, so typing a coordinate does not compile every key.
  const plan = session.plan;
  useEffect(() => {
    if (!plan) return;
    setCompiling(true);
    let live = true;
    const ready = () => {
      if (!performance.getEntriesByName('atlas-studio-editable').length) performance.mark('atlas-studio-editable');
    };
    // Opened from the atlas and not yet edited: what the map shows is already what a build publishes.
    if (plan === published.current) {
      let idle: number | undefined;
      loadCompilerBase().then(
        (base) => {
          if (!live) return;
          setCheckBase(base);
          setProblems([]);
          setCompiling(false);
          ready();
          // Compiled once while the planner looks around, so the first edit's preview is as quick as the next.
          idle = (window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 1000)))(() => live && warmPreview(plan, base), { timeout: 5000 });
        },
        (e: unknown) => {
          if (!live) return;
          setProblems([otherProblem(e instanceof Error ? e.message : String(e))]);
          setCompiling(false);
        },
      );
      return () => {
        live = false;
        if (idle !== undefined) (window.cancelIdleCallback ?? window.clearTimeout)(idle);
      };
    }
    const timer = setTimeout(() => {
      Promise.all([loadCompilerBase(), loadCatalogue().catch(() => undefined)]).then(
        ([base, catalogue]) => {
          if (!live) return;
          setCheckBase(base);
          const result = runPreview(plan, base, catalogue);
          setProblems(result.problems);
          setCompiling(false);
          if (!result.problems.length && useAtlasStore.getState().planId !== plan.folder) useAtlasStore.getState().setPlan(plan.folder);
          ready();
        },
        (e: unknown) => {
          if (!live) return;
          setProblems([otherProblem(e instanceof Error ? e.message : String(e))]);
          setCompiling(false);
        },
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [plan]);

  // Autosave after every change; a save (or undoing back to it) leaves nothing to keep.
  const { opened, done, who } = session;
  useEffect(() => {
    if (!opened) return;
    if (dirty) keepDraft({ opened, changes: done, ...(who ? { who } : {}), at: Date.now() });
    else dropDraft();
  }, [opened, done, who, dirty]);

  // Leaving the page with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);

  // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y), except while typing in a field, which keeps its own undo.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || typing(document.activeElement)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) useSession.getState().undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') useSession.getState().redo();
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const close = () => {
    if (dirty && !window.confirm(t.leaveConfirm)) return;
    dropDraft();
    const wasNew = session.opened?.origin === 'new';
    const parent = view?.parent?.plan;
    session.close();
    endPreview();
    closeStudio();
    if (wasNew) setPlan(parent ?? (catalogue.status === 'ready' ? (catalogue.data.defaultPlan ?? '') : ''));
  };

  const save = async (how: 'zip' | 'folder' | 'changes') => {
    if (!plan || !opened) return;
    if (compiling) return setMessage(t.waitChecking);
    if (problems.length) return setMessage(t.saveRefused(problems.length, problems[0] ? problemLine(problems[0], t.problemWords) : ''));
    const input = { plan, opened, changes: done, words: languages[lang].changeWords, who };
    try {
      if (how === 'zip') setMessage(t.savedZip(saveZip(input)));
      else if (how === 'changes') {
        if (!done.length) return setMessage(t.noChanges);
        setMessage(t.savedChanges(saveChangeSet(input)));
      } else if (writer.current) setMessage(t.savedFolder((await writeBack(input, writer.current)).join('、')));
      if (how !== 'changes') session.markSaved();
    } catch (e) {
      setMessage(t.saveFailed(e instanceof Error ? e.message : String(e)));
    }
  };

  return (
    <aside className="studio" aria-label={t.title}>
      <div className="studio-bar">
        <h2 className="studio-title">
          {t.title}
          {view && <span className="studio-plan"> · {view.title}</span>}
          {opened && <span className="studio-origin">{t.origins[opened.origin]}</span>}
        </h2>
        <div className="studio-actions" role="toolbar" aria-label={t.actions}>
          <button type="button" className="btn" onClick={() => session.undo()} disabled={!session.done.length} aria-keyshortcuts="Control+Z">
            ↶ {t.undo}
          </button>
          <button type="button" className="btn" onClick={() => session.redo()} disabled={!session.undone.length} aria-keyshortcuts="Control+Shift+Z">
            ↷ {t.redo}
          </button>
          <button type="button" className="btn btn--primary" onClick={() => void save('zip')} disabled={!plan}>
            {t.saveZip}
          </button>
          {writer.current && opened?.origin === 'folder' && (
            <button type="button" className="btn" onClick={() => void save('folder')}>
              {t.saveFolder(writer.current.name)}
            </button>
          )}
          <button type="button" className="btn" onClick={() => void save('changes')} disabled={!plan}>
            {t.saveChanges}
          </button>
          <button type="button" className="btn" onClick={close}>
            {t.close}
          </button>
        </div>
        <div className="studio-actions">
          <OpenFolder
            onOpen={(o, w) => {
              if (dirty && !window.confirm(t.switchConfirm(opened?.folder ?? ''))) return;
              writer.current = w;
              open(o);
              if (useAtlasStore.getState().planId !== o.folder) setPlan(o.folder);
            }}
          />
          <button type="button" className="btn" aria-expanded={newPlan} onClick={() => setNewPlan(!newPlan)}>
            {t.newPlan}
          </button>
          <label className="studio-who">
            {t.who} <input type="text" value={who} onChange={(e) => session.setWho(e.target.value)} />
          </label>
        </div>
        {message && (
          <p className="studio-message" role="status" aria-label={t.messageLabel}>
            {message}
          </p>
        )}
        <ChangeList />
        {plan && <Problems problems={problems} compiling={compiling} />}
        {loadError && (
          <p className="studio-refusal" role="alert">
            {t.loadFailed(loadError)}
          </p>
        )}
      </div>
      {newPlan ? (
        <div className="studio-body studio-body--single">
          <NewPlanForm
            onCreate={(o) => {
              if (dirty && !window.confirm(t.switchConfirm(opened?.folder ?? ''))) return;
              writer.current = undefined;
              open(o);
            }}
            onCancel={() => setNewPlan(false)}
          />
        </div>
      ) : (
        view &&
        plan && (
          <div className="studio-body">
            <Editor view={view} />
            <SeedPane seed={plan.seed ?? ''} seedName={plan.seedName} />
          </div>
        )
      )}
    </aside>
  );
}
