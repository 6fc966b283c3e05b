/** The plan's files as a zip laid out as the repository is (data/<id>/plan.yaml, places.yaml, data/seeds/<seed>, CHANGES.md). */
import type { Change, ChangeLang, EditablePlan } from './types';

/** Zips files (path → text or bytes; text is written as UTF-8). Deterministic for the same input. */
export function zipPlan(files: Readonly<Record<string, string | Uint8Array>>): Uint8Array {
  void files;
  throw new Error('not implemented');
}

/**
 * The repository-layout files of a plan under edit: `data/<folder>/plan.yaml`, `data/<folder>/places.yaml` (if any),
 * `data/seeds/<seed>` when `includeSeed` (a new plan), and `CHANGES.md` listing `changes` in words when given.
 */
export function planFiles(
  plan: EditablePlan,
  options?: { changes?: readonly Change[]; lang?: ChangeLang; includeSeed?: boolean; who?: string; date?: string },
): Record<string, string> {
  void plan;
  void options;
  throw new Error('not implemented');
}
