/**
 * The change list in words, in Chinese and English: "3 个点位已移动：A、B、C；1 条引文已替换：D".
 * The words live here, both languages in one table, rather than in src/i18n: the same list is written into the
 * saved zip (CHANGES.md) and printed by `npm run apply` in Node, where the UI's string tables are not the right home.
 */
import type { Precision } from '../../lib/vocabulary';
import type { Change, ChangeLang, PointValue, UnplacedAt } from './types';

/** The kinds of change the list counts, in the order they are listed. */
type Kind =
  | 'moved'
  | 'unplaced'
  | 'placed'
  | 'geometry'
  | 'quote'
  | 'function'
  | 'phrase'
  | 'text'
  | 'parent'
  | 'related'
  | 'field'
  | 'elementAdded'
  | 'elementRemoved'
  | 'projectAdded'
  | 'projectRemoved'
  | 'placeAdded'
  | 'placeRemoved';

interface Words {
  /** Count and kind: (n) => "3 个点位已移动". */
  kinds: Record<Kind, (n: number) => string>;
  /** A single change's kind, as a verb phrase: "替换引文" / "Quote replaced". */
  detail: Record<Kind, string>;
  /** Between the kind and its names, between names, between kinds. */
  colon: string;
  nameSep: string;
  kindSep: string;
  none: string;
  precision: Record<Precision, string>;
  /** One change in detail. */
  move: (name: string, lon: number, lat: number, precision: string) => string;
  unplace: (name: string, reason: string) => string;
  place: (name: string) => string;
  set: (kind: string, name: string, field: string) => string;
  source: string;
  note: string;
  who: string;
  title: (plan: string) => string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const words: Record<ChangeLang, Words> = {
  zh: {
    kinds: {
      moved: (n) => `${n} 个点位已移动`,
      unplaced: (n) => `${n} 个项目已移回未定位`,
      placed: (n) => `${n} 个未定位条目已定位`,
      geometry: (n) => `${n} 个范围或走向已修改`,
      quote: (n) => `${n} 条引文已替换`,
      function: (n) => `${n} 条功能已修改`,
      phrase: (n) => `${n} 条项目表述已修改`,
      text: (n) => `${n} 处文字已修改`,
      parent: (n) => `${n} 处上级规划已修改`,
      related: (n) => `${n} 处关联已修改`,
      field: (n) => `${n} 个字段已修改`,
      elementAdded: (n) => `${n} 个布局要素已添加`,
      elementRemoved: (n) => `${n} 个布局要素已删除`,
      projectAdded: (n) => `${n} 个项目已添加`,
      projectRemoved: (n) => `${n} 个项目已删除`,
      placeAdded: (n) => `${n} 个地点已添加`,
      placeRemoved: (n) => `${n} 个地点已删除`,
    },
    detail: {
      moved: '移动点位',
      unplaced: '移回未定位',
      placed: '定位',
      geometry: '修改范围或走向',
      quote: '替换引文',
      function: '修改功能',
      phrase: '修改项目表述',
      text: '修改文字',
      parent: '修改上级规划',
      related: '修改关联',
      field: '修改字段',
      elementAdded: '添加布局要素',
      elementRemoved: '删除布局要素',
      projectAdded: '添加项目',
      projectRemoved: '删除项目',
      placeAdded: '添加地点',
      placeRemoved: '删除地点',
    },
    colon: '：',
    nameSep: '、',
    kindSep: '；',
    none: '没有修改',
    precision: { exact: '精确', township: '乡镇驻地', county: '县城（近似）', schematic: '示意' },
    move: (name, lon, lat, precision) => `移动点位：${name} → ${lon}, ${lat}（${precision}）`,
    unplace: (name, reason) => `移回未定位：${name}（${reason}）`,
    place: (name) => `已定位：${name}`,
    set: (kind, name, field) => `${kind}：${name}（${field}）`,
    source: '来源',
    note: '说明',
    who: '提交',
    title: (plan) => `修改记录 · ${plan}`,
  },
  en: {
    kinds: {
      moved: (n) => `${plural(n, 'point', 'points')} moved`,
      unplaced: (n) => `${plural(n, 'project', 'projects')} sent back to unplaced`,
      placed: (n) => `${plural(n, 'unplaced item', 'unplaced items')} placed`,
      geometry: (n) => `${plural(n, 'extent or line', 'extents or lines')} changed`,
      quote: (n) => `${plural(n, 'quote', 'quotes')} replaced`,
      function: (n) => `${plural(n, 'function', 'functions')} changed`,
      phrase: (n) => `${plural(n, 'project phrase', 'project phrases')} changed`,
      text: (n) => `${plural(n, 'text', 'texts')} changed`,
      parent: (n) => `${plural(n, 'parent plan', 'parent plans')} changed`,
      related: (n) => `${plural(n, 'link', 'links')} changed`,
      field: (n) => `${plural(n, 'field', 'fields')} changed`,
      elementAdded: (n) => `${plural(n, 'layout element', 'layout elements')} added`,
      elementRemoved: (n) => `${plural(n, 'layout element', 'layout elements')} removed`,
      projectAdded: (n) => `${plural(n, 'project', 'projects')} added`,
      projectRemoved: (n) => `${plural(n, 'project', 'projects')} removed`,
      placeAdded: (n) => `${plural(n, 'place', 'places')} added`,
      placeRemoved: (n) => `${plural(n, 'place', 'places')} removed`,
    },
    detail: {
      moved: 'Point moved',
      unplaced: 'Sent back to unplaced',
      placed: 'Placed',
      geometry: 'Extent or line changed',
      quote: 'Quote replaced',
      function: 'Function changed',
      phrase: 'Project phrase changed',
      text: 'Text changed',
      parent: 'Parent plan changed',
      related: 'Links changed',
      field: 'Field changed',
      elementAdded: 'Layout element added',
      elementRemoved: 'Layout element removed',
      projectAdded: 'Project added',
      projectRemoved: 'Project removed',
      placeAdded: 'Place added',
      placeRemoved: 'Place removed',
    },
    colon: ': ',
    nameSep: ', ',
    kindSep: '; ',
    none: 'no changes',
    precision: { exact: 'exact', township: 'township seat', county: 'county seat (approximate)', schematic: 'schematic' },
    move: (name, lon, lat, precision) => `Point moved: ${name} → ${lon}, ${lat} (${precision})`,
    unplace: (name, reason) => `Sent back to unplaced: ${name} (${reason})`,
    place: (name) => `Placed: ${name}`,
    set: (kind, name, field) => `${kind}: ${name} (${field})`,
    source: 'Source',
    note: 'Note',
    who: 'From',
    title: (plan) => `Changes · ${plan}`,
  },
};

/** Which kind a change counts as. */
function kindOf(change: Change): Kind {
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
export function describeChanges(changes: readonly Change[], lang: ChangeLang): string {
  const w = words[lang];
  if (!changes.length) return w.none;
  const groups = new Map<Kind, string[]>();
  for (const c of changes) {
    const kind = kindOf(c);
    const names = groups.get(kind) ?? [];
    names.push(nameOf(c));
    groups.set(kind, names);
  }
  return [...groups].map(([kind, names]) => `${w.kinds[kind](names.length)}${w.colon}${[...new Set(names)].join(w.nameSep)}`).join(w.kindSep);
}

/** One change in words: "移动点位：县人民医院 → 103.7912, 25.5021（精确）". */
export function describeChange(change: Change, lang: ChangeLang): string {
  const w = words[lang];
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
export function changesMarkdown(changes: readonly Change[], lang: ChangeLang, meta: { plan: string; who?: string; date?: string }): string {
  const w = words[lang];
  const lines = [`# ${w.title(meta.plan)}`, ''];
  const by = [meta.who, meta.date].filter(Boolean).join(' · ');
  if (by) lines.push(`${w.who}${w.colon}${by}`, '');
  lines.push(describeChanges(changes, lang), '');
  for (const c of changes) {
    let line = `- ${describeChange(c, lang)}`;
    const source = c.source ?? (c.op === 'move-point' ? (c.new as PointValue | undefined)?.source : undefined);
    if (source) line += `. ${w.source}${w.colon}${source}`;
    if (c.note) line += `. ${w.note}${w.colon}${c.note}`;
    if (c.who && c.who !== meta.who) line += ` (${c.who})`;
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}
