/**
 * The change list in words, in Chinese and English: "3 个点位已移动：A、B、C；1 条引文已替换：D".
 * The words live here, both languages in one table, rather than in src/i18n: the same list is written into the
 * saved zip (CHANGES.md) and printed by `npm run apply` in Node, where the UI's string tables are not the right home.
 */
import type { Change, ChangeLang } from './types';

/** One line per kind of change, counted and named, joined with "；" (zh) or "; " (en). Empty list → "no changes". */
export function describeChanges(changes: readonly Change[], lang: ChangeLang): string {
  void changes;
  void lang;
  throw new Error('not implemented');
}

/** One change in words: "移动点位：曲靖市第一人民医院 → 103.7912, 25.5021（精确）". */
export function describeChange(change: Change, lang: ChangeLang): string {
  void change;
  void lang;
  throw new Error('not implemented');
}

/** CHANGES.md for the zip: a heading, the summary line and one bullet per change (with source and note). */
export function changesMarkdown(changes: readonly Change[], lang: ChangeLang, meta: { plan: string; who?: string; date?: string }): string {
  void changes;
  void lang;
  void meta;
  throw new Error('not implemented');
}
