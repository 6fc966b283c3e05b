/** Opening a plan for editing, reading it back as plain data, and the skeleton of a new plan. */
import type { Level } from '../../lib/vocabulary';
import type { Place, Source } from '../../lib/plan-schema';
import type { EditablePlan } from './types';

/** A plan's source files as text (the same shape as the compiler's `PlanSources`). */
export interface EditSources {
  folder: string;
  planYaml: string;
  placesYaml?: string;
}

/**
 * Opens a plan for editing. Throws an Error naming the file if a YAML text does not parse or plan.yaml has no `seed`.
 * @param seed the seed text (`undefined` if not loaded: text changes are then refused).
 */
export function openPlan(sources: EditSources, seed: string | undefined): EditablePlan {
  void sources;
  void seed;
  throw new Error('not implemented');
}

/** The plan's files as the compiler takes them (`compilePlans([planSources(p)], …)` previews exactly what the build publishes). */
export function planSources(plan: EditablePlan): EditSources {
  void plan;
  throw new Error('not implemented');
}

/** The plan and its places as plain JS data (not validated), for the UI to list and show. */
export function planData(plan: EditablePlan): { plan: Record<string, unknown>; places: Place[] } {
  void plan;
  throw new Error('not implemented');
}

/** What a new plan starts from: everything the studio asks for before elements and projects are added. */
export interface NewPlanInput {
  /** Folder name and id: a lower-case slug. */
  id: string;
  title: string;
  level: Level;
  region: { code: string; name: string };
  parent?: { plan: string; element?: string };
  /** The seed's file name (`<something>.txt`) and its text. */
  seedName: string;
  seed: string;
  period: string;
  /** The layout formula and its sentence, as confirmed by the user (see `findLayoutSentence`). */
  formula?: string;
  formulaSource?: Source;
  /** The layout summary quote; defaults to `formulaSource` when omitted. */
  summary?: Source;
}

/**
 * The skeleton of a new plan: plan.yaml with the given metadata and empty lists, and an empty places.yaml.
 * Throws with a clear message if the id is not a slug or a quote is not in the seed.
 */
export function newPlan(input: NewPlanInput): EditablePlan {
  void input;
  throw new Error('not implemented');
}
