/**
 * The plan under edit and its history, kept in the studio (never in the atlas store: it holds whole YAML texts).
 * Every edit is a core `Change` applied with `applyChange`; undo applies its inverse, redo applies it again, so the
 * files are always exactly what the change list says.
 */
import { create } from 'zustand';
import type { BaseGeo } from '../../compiler/base-geo';
import { type ApplyContext, applyChange, formatChangeProblem, invert } from '../../compiler/edit/apply';
import { openPlan } from '../../compiler/edit/plan-doc';
import type { Change, EditablePlan } from '../../compiler/edit/types';

/** Where the plan came from: the published atlas, a folder on this computer, or a new plan started in the studio. */
export type Origin = 'atlas' | 'folder' | 'new';

/** A plan's files as opened, before any change: what autosave keeps with the changes, and what undo returns to. */
export interface Opened {
  origin: Origin;
  folder: string;
  planYaml: string;
  placesYaml?: string;
  seedName: string;
  seed: string;
  /** A new plan's seed goes into the saved files too. */
  includeSeed?: boolean;
  /** Opened from a folder: where plan.yaml sits inside it (`data/qujing`, `qujing` or empty), for writing back. */
  folderPath?: string;
}

// With the base geography, applying checks a moved point against its county as validation will.
const context: ApplyContext = {};

/** Gives the session the base geography once it is loaded. */
export function setCheckBase(base: BaseGeo): void {
  context.base = base;
}

export interface SessionState {
  opened: Opened | null;
  plan: EditablePlan | null;
  /** Applied changes, oldest first; `undone` holds what redo re-applies (last undone last). */
  done: Change[];
  undone: Change[];
  /** How many of `done` were in the last save (a save clears "unsaved"); -1 for a new plan never saved. */
  savedAt: number;
  /** The last refusal, one line naming file, entry and field (a change that broke a rule is never applied). */
  refusal: string | null;
  /** Who makes the changes (a person or an office), if they say: written into each change and the change set. */
  who: string;
  setWho(who: string): void;
  open(opened: Opened, changes?: readonly Change[]): string[];
  apply(change: Change): boolean;
  undo(): void;
  redo(): void;
  markSaved(): void;
  clearRefusal(): void;
  close(): void;
}

export const useSession = create<SessionState>()((set, get) => ({
  opened: null,
  plan: null,
  done: [],
  undone: [],
  savedAt: 0,
  refusal: null,
  who: '',
  setWho: (who) => set({ who }),
  /** Opens a plan, replaying changes (a restored draft); returns the lines of changes that no longer apply. */
  open(opened, changes = []) {
    let plan = openPlan(
      { folder: opened.folder, planYaml: opened.planYaml, ...(opened.placesYaml !== undefined ? { placesYaml: opened.placesYaml } : {}) },
      opened.seed,
    );
    const done: Change[] = [];
    const refused: string[] = [];
    for (const change of changes) {
      const result = applyChange(plan, change, context);
      if (result.ok) {
        plan = result.plan;
        done.push(change);
      } else refused.push(formatChangeProblem(result.problem));
    }
    // A new plan is unsaved until its first save, even before its first change.
    set({ opened, plan, done, undone: [], savedAt: opened.origin === 'new' ? -1 : 0, refusal: refused[0] ?? null });
    return refused;
  },
  apply(change) {
    const { plan, done } = get();
    if (!plan) return false;
    const result = applyChange(plan, change, context);
    if (!result.ok) {
      set({ refusal: formatChangeProblem(result.problem) });
      return false;
    }
    set({ plan: result.plan, done: [...done, change], undone: [], refusal: null });
    return true;
  },
  undo() {
    const { plan, done, undone } = get();
    const last = done.at(-1);
    if (!plan || !last) return;
    const result = applyChange(plan, invert(last), context);
    if (!result.ok) return set({ refusal: formatChangeProblem(result.problem) });
    set({ plan: result.plan, done: done.slice(0, -1), undone: [...undone, last], refusal: null });
  },
  redo() {
    const { plan, done, undone } = get();
    const next = undone.at(-1);
    if (!plan || !next) return;
    const result = applyChange(plan, next, context);
    if (!result.ok) return set({ refusal: formatChangeProblem(result.problem) });
    set({ plan: result.plan, done: [...done, next], undone: undone.slice(0, -1), refusal: null });
  },
  markSaved: () => set((s) => ({ savedAt: s.done.length })),
  clearRefusal: () => set({ refusal: null }),
  close: () => set({ opened: null, plan: null, done: [], undone: [], savedAt: 0, refusal: null }),
}));

/** True while there are changes not in the last save. */
export const isDirty = (s: Pick<SessionState, 'done' | 'savedAt'>) => s.done.length !== s.savedAt;
