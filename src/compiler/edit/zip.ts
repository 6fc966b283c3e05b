/** The plan's files as a zip laid out as the repository is (data/<id>/plan.yaml, places.yaml, data/seeds/<seed>, CHANGES.md). */
import { strToU8, type Zippable, zipSync } from 'fflate';
import { changesMarkdown } from './describe';
import { planFile } from '../sources';
import { placesFile } from './plan-doc';
import type { Change, ChangeLang, EditablePlan } from './types';

/** 1980-01-01, the earliest date a zip can hold: the default keeps the same files giving the same bytes. */
const zipEpoch = new Date(1980, 0, 1);

/** Zips files (path → text or bytes; text is written as UTF-8). Deterministic for the same input and `mtime`. */
export function zipPlan(files: Readonly<Record<string, string | Uint8Array>>, mtime: Date = zipEpoch): Uint8Array {
  const entries: Zippable = {};
  for (const [path, content] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    entries[path] = [typeof content === 'string' ? strToU8(content) : content, { mtime, level: 6 }];
  }
  return zipSync(entries);
}

/**
 * The repository-layout files of a plan under edit: `data/<folder>/plan.yaml`, `data/<folder>/places.yaml` (if any),
 * `data/seeds/<seed>` when `includeSeed` (a new plan), and `CHANGES.md` listing `changes` in words when given.
 */
export function planFiles(
  plan: EditablePlan,
  options: { changes?: readonly Change[]; lang?: ChangeLang; includeSeed?: boolean; who?: string; date?: string } = {},
): Record<string, string> {
  const files: Record<string, string> = { [planFile(plan.folder)]: plan.planYaml };
  if (plan.placesYaml !== undefined) files[placesFile(plan.folder)] = plan.placesYaml;
  if (options.includeSeed && plan.seed !== undefined) files[`data/seeds/${plan.seedName}`] = plan.seed;
  if (options.changes) {
    const meta = { plan: plan.folder, ...(options.who ? { who: options.who } : {}), ...(options.date ? { date: options.date } : {}) };
    files['CHANGES.md'] = changesMarkdown(options.changes, options.lang ?? 'zh', meta);
  }
  return files;
}
