/**
 * The change-set file: small, human-readable YAML.
 *
 * ```yaml
 * plan: qujing
 * who: 麒麟区卫生健康局
 * date: 2026-12-01
 * changes:
 *   - op: move-point
 *     target: qujing-first-hospital-north
 *     name: 曲靖市第一人民医院北院区
 *     field: point
 *     old: { place: null }
 *     new: { place: qujing-first-hospital-north, lon: 103.7912, lat: 25.5021, precision: exact, source: "https://…", created: true }
 *     note: 新院区已建成
 * ```
 */
import type { ChangeSet } from './types';

/** Parses a change set (YAML or JSON). Throws an Error naming `fileName` and the bad field. */
export function parseChangeSet(text: string, fileName: string): ChangeSet {
  void text;
  void fileName;
  throw new Error('not implemented');
}

/** Writes a change set as YAML (one change per block, values in flow style where short). */
export function formatChangeSet(set: ChangeSet): string {
  void set;
  throw new Error('not implemented');
}

/** A file name for a change set: `changes-<plan>-<date>[-<who>].yaml` (who reduced to a safe slug). */
export function changeSetFileName(set: ChangeSet): string {
  void set;
  throw new Error('not implemented');
}
