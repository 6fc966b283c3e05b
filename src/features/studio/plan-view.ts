/** The plan under edit read as plain data for the panes (the YAML texts stay the truth; this is only for showing). */
import { useMemo } from 'react';
import { planData } from '../../compiler/edit/plan-doc';
import type { EditablePlan } from '../../compiler/edit/types';
import type { Place, PlanElement, Project, Source } from '../../lib/plan-schema';
import { useSession } from './session';

export interface Unplaced {
  name: string;
  reason?: string;
  category?: string;
  source?: Source;
}

export interface PlanView {
  id: string;
  title: string;
  region?: { code: string; name: string };
  parent?: { plan: string; element?: string };
  summary?: Source;
  formula?: string;
  formulaSource?: Source;
  elements: PlanElement[];
  projects: Project[];
  unplaced: Unplaced[];
  places: Map<string, Place>;
}

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** Reads the plan's data once per version of the plan. */
export function viewOf(plan: EditablePlan): PlanView {
  const { plan: p, places } = planData(plan);
  return {
    id: String(p.id ?? plan.folder),
    title: String(p.title ?? plan.folder),
    ...(p.region ? { region: p.region as PlanView['region'] } : {}),
    ...(p.parent ? { parent: p.parent as PlanView['parent'] } : {}),
    ...(p.summary ? { summary: p.summary as Source } : {}),
    ...(typeof p.formula === 'string' ? { formula: p.formula } : {}),
    ...(p.formulaSource ? { formulaSource: p.formulaSource as Source } : {}),
    elements: list<PlanElement>(p.elements),
    projects: list<Project>(p.projects),
    unplaced: list<Unplaced>(p.unplaced),
    places: new Map(places.map((x) => [x.id, x])),
  };
}

/** The plan under edit as data, or null while none is open. */
export function usePlanView(): PlanView | null {
  const plan = useSession((s) => s.plan);
  return useMemo(() => (plan ? viewOf(plan) : null), [plan]);
}

/** What the editor is working on: the plan itself, an element, a project or an unplaced item. */
export type Item =
  | { kind: 'plan' }
  | { kind: 'element'; element: PlanElement }
  | { kind: 'project'; project: Project }
  | { kind: 'unplaced'; index: number; entry: Unplaced };

/** The item a key names (`plan`, an element or project id, `unplaced:<index>`), if the plan has it. */
export function itemOf(view: PlanView, key: string): Item | undefined {
  if (key === 'plan') return { kind: 'plan' };
  if (key.startsWith('unplaced:')) {
    const index = Number(key.slice('unplaced:'.length));
    const entry = view.unplaced[index];
    return entry ? { kind: 'unplaced', index, entry } : undefined;
  }
  const element = view.elements.find((e) => e.id === key);
  if (element) return { kind: 'element', element };
  const project = view.projects.find((p) => p.id === key);
  return project ? { kind: 'project', project } : undefined;
}
