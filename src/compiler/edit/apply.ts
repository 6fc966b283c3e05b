/** Applying, refusing and inverting changes. */
import type { ApplyResult, Change, ChangeProblem, EditablePlan } from './types';

/**
 * Applies one change and returns the new plan, or the reason it was refused: `stale` when the files no longer hold
 * the change's `old` value ("expected old 103.79 but found 103.80"), `invalid` when the new value breaks a rule
 * (text not in the seed, an exact point without a source, a duplicate id, a parent cycle within the plan …),
 * `not-found` when the target does not exist. Only the lines of the touched entries change.
 */
export function applyChange(plan: EditablePlan, change: Change): ApplyResult {
  void plan;
  void change;
  throw new Error('not implemented');
}

/** Applies changes in order, skipping (and reporting) each refused one; the others still apply. */
export function applyChanges(
  plan: EditablePlan,
  changes: readonly Change[],
): { plan: EditablePlan; applied: Change[]; refused: { change: Change; problem: ChangeProblem }[] } {
  void plan;
  void changes;
  throw new Error('not implemented');
}

/** The change that undoes `change` (applied right after it, it restores the files byte for byte). */
export function invert(change: Change): Change {
  void change;
  throw new Error('not implemented');
}

/** One line: `data/qujing/places.yaml: place qj-x: lon: expected old 103.79 but found 103.8 — change not applied`. */
export function formatChangeProblem(problem: ChangeProblem): string {
  return `${problem.file}: ${problem.where}: ${problem.field}: ${problem.message}`;
}
