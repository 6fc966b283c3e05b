/**
 * The change-set file: small, human-readable YAML (JSON is read too).
 *
 * ```yaml
 * plan: gengma
 * who: 县卫生健康局
 * date: 2026-12-01
 * changes:
 *   - op: move-point
 *     target: county-hospital-new
 *     name: 县人民医院新院区
 *     field: point
 *     old: { place: null }
 *     new: { place: county-hospital-new, lon: 103.7912, lat: 25.5021, precision: exact, source: "https://…", created: true }
 *     note: 新院区已建成
 * ```
 */
import { parse } from 'yaml';
import { z } from 'zod';
import { slugPattern } from '../../lib/vocabulary';
import type { ChangeOp, ChangeSet } from './types';
import { blockText } from './yaml-splice';

const ops = [
  'move-point',
  'unplace',
  'place',
  'set-geometry',
  'set-text',
  'set-parent',
  'set-related',
  'set-field',
  'add-element',
  'remove-element',
  'add-project',
  'remove-project',
  'add-place',
  'remove-place',
] as const satisfies readonly ChangeOp[];

const changeSchema = z.strictObject({
  op: z.enum(ops),
  target: z.string().min(1),
  name: z.string().optional(),
  field: z.string().optional(),
  old: z.unknown().optional(),
  new: z.unknown().optional(),
  source: z.string().optional(),
  note: z.string().optional(),
  who: z.string().optional(),
});

const changeSetSchema = z.strictObject({
  plan: z.string().regex(slugPattern, 'a plan id (its folder name under data/)'),
  who: z.string().optional(),
  date: z.string().optional(),
  note: z.string().optional(),
  changes: z.array(changeSchema),
});

/** Parses a change set (YAML or JSON). Throws an Error naming `fileName` and the bad field. */
export function parseChangeSet(text: string, fileName: string): ChangeSet {
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    throw new Error(`${fileName}: not readable as YAML or JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  const result = changeSetSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
    throw new Error(`${fileName}: ${path || '(whole file)'}: ${issue.message} (not a change set?)`);
  }
  const set = result.data as ChangeSet;
  return set;
}

/** Writes a change set as YAML (one change per block, short values on one line). Parses back to the same data. */
export function formatChangeSet(set: ChangeSet): string {
  const clean = JSON.parse(JSON.stringify(set)) as ChangeSet;
  return blockText(clean, 0);
}

/** A file name for a change set: `changes-<plan>-<date>[-<who>].yaml` (who reduced to letters, digits and hyphens). */
export function changeSetFileName(set: ChangeSet): string {
  const date = (set.date ?? '').slice(0, 10);
  const who = (set.who ?? '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  return `${['changes', set.plan, date, who].filter(Boolean).join('-')}.yaml`;
}
