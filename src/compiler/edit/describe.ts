/**
 * The change list in words: "3 个点位已移动：A、B、C；1 条引文已替换：D", in the words of a language file
 * (`languages[lang].changeWords`), for the studio, the saved CHANGES.md and `npm run apply`.
 */
import type { ChangeKind, ChangeWords } from '../../lib/change-words';
import type { Change, PointValue, UnplacedAt } from './types';

/** Which kind a change counts as. */
function kindOf(change: Change): ChangeKind {
  switch (change.op) {
    case 'move-point':
      return 'moved';
    case 'unplace':
      return 'unplaced';
    case 'place':
      return 'placed';
    case 'set-geometry':
      return 'geometry';
    case 'set-parent':
      return 'parent';
    case 'set-related':
      return 'related';
    case 'add-element':
      return 'elementAdded';
    case 'remove-element':
      return 'elementRemoved';
    case 'add-project':
      return 'projectAdded';
    case 'remove-project':
      return 'projectRemoved';
    case 'add-place':
      return 'placeAdded';
    case 'remove-place':
      return 'placeRemoved';
    case 'set-text': {
      const field = change.field ?? '';
      if (/^functions\b/.test(field)) return 'function';
      if (/^projects\b/.test(field)) return 'phrase';
      if (/(^|\.)quote$|^(source|summary|formulaSource|targets\[\d+\])$/.test(field)) return 'quote';
      return 'text';
    }
    default:
      return 'field';
  }
}

/** The name a change is listed under: its target's name when it was made, else its id. */
function nameOf(change: Change): string {
  if (change.name) return change.name;
  if (change.op === 'unplace') return String((change.new as UnplacedAt | undefined)?.entry?.name ?? change.target);
  return change.target === 'plan' ? (change.field ?? 'plan') : change.target;
}

/** One line per kind of change, counted and named, joined with "；" (zh) or "; " (en). Empty list → "no changes". */
export function describeChanges(changes: readonly Change[], w: ChangeWords): string {
  if (!changes.length) return w.none;
  const groups = new Map<ChangeKind, string[]>();
  for (const c of changes) {
    const kind = kindOf(c);
    const names = groups.get(kind) ?? [];
    names.push(nameOf(c));
    groups.set(kind, names);
  }
  return [...groups].map(([kind, names]) => `${w.kinds[kind](names.length)}${w.colon}${[...new Set(names)].join(w.nameSep)}`).join(w.kindSep);
}

/** One change in words: "移动点位：县人民医院 → 103.7912, 25.5021（精确）". */
export function describeChange(change: Change, w: ChangeWords): string {
  const name = nameOf(change);
  if (change.op === 'move-point') {
    const p = (change.new ?? {}) as PointValue;
    return w.move(name, Number(p.lon), Number(p.lat), p.precision ? w.precision[p.precision] : '?');
  }
  if (change.op === 'unplace') return w.unplace(name, String((change.new as UnplacedAt | undefined)?.entry?.reason ?? ''));
  if (change.op === 'place') return w.place(name);
  return w.set(w.detail[kindOf(change)], name, change.field ?? change.target);
}

/** CHANGES.md for the zip: a heading, the summary line and one bullet per change (with source and note). */
export function changesMarkdown(changes: readonly Change[], w: ChangeWords, meta: { plan: string; who?: string; date?: string }): string {
  const lines = [`# ${w.title(meta.plan)}`, ''];
  const by = [meta.who, meta.date].filter(Boolean).join(' · ');
  if (by) lines.push(`${w.who}${w.colon}${by}`, '');
  lines.push(describeChanges(changes, w), '');
  for (const c of changes) {
    let line = `- ${describeChange(c, w)}`;
    const source = c.source ?? (c.op === 'move-point' ? (c.new as PointValue | undefined)?.source : undefined);
    if (source) line += `. ${w.source}${w.colon}${source}`;
    if (c.note) line += `. ${w.note}${w.colon}${c.note}`;
    if (c.who && c.who !== meta.who) line += ` (${c.who})`;
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}
