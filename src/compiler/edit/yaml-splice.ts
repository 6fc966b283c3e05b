/**
 * Editing YAML text by splicing: the `yaml` Document locates a node (its source range), and only that node's text
 * is replaced. Re-printing a whole Document would reflow the hand-written files (flow-collection padding, folded
 * scalars, comment spacing), so a one-field change would show as dozens of changed lines; splicing keeps every byte
 * outside the touched entry as it was. Each edit re-parses the result, so ranges are always fresh.
 */
import { type Document, isCollection, isMap, isScalar, isSeq, type Pair, parse, parseDocument, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

/** A path into a YAML document: map keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

type AnyNode = Scalar | YAMLMap | YAMLSeq;

/** The last few parsed texts: one change splices and re-reads the same text several times. Documents are never mutated. */
const parsed = new Map<string, Document.Parsed>();

/** Parses YAML text (cached; treat the result as read-only); throws an Error naming the file on a syntax error. */
export function parseYaml(text: string, file: string): Document.Parsed {
  let doc = parsed.get(text);
  if (!doc) {
    doc = parseDocument(text);
    parsed.set(text, doc);
    if (parsed.size > 6) parsed.delete(parsed.keys().next().value!);
  }
  const error = doc.errors[0];
  if (error) throw new Error(`${file}: ${error.message.split('\n')[0]}`);
  return doc;
}

/** `functions[2]` → ['functions', 2]; `investment.amount` → ['investment', 'amount']. */
export function parseFieldPath(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of field.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new Error(`bad field path “${field}”`);
    if (m[1]) out.push(m[1]);
    for (const idx of m[2]?.matchAll(/\[(\d+)\]/g) ?? []) out.push(Number(idx[1]));
  }
  return out;
}

/** The plain value at a path (undefined if absent). */
export function valueAt(doc: Document.Parsed, path: YamlPath): unknown {
  if (!path.length) return doc.toJS();
  const node = doc.getIn(path, true) as AnyNode | undefined;
  if (node === undefined || node === null) return undefined;
  return isScalar(node) ? node.value : (node as YAMLMap | YAMLSeq).toJSON();
}

const lineStart = (text: string, pos: number) => text.lastIndexOf('\n', pos - 1) + 1;
/** The position after the end of the line holding `pos - 1` (past a trailing comment and the newline). */
function lineEndAfter(text: string, pos: number): number {
  if (pos > 0 && text[pos - 1] === '\n') return pos;
  const n = text.indexOf('\n', pos);
  return n < 0 ? text.length : n + 1;
}
const column = (text: string, pos: number) => pos - lineStart(text, pos);
const spaces = (n: number) => ' '.repeat(n);
const splice = (text: string, start: number, end: number, insert: string) => text.slice(0, start) + insert + text.slice(end);

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCollectionValue = (v: unknown) => typeof v === 'object' && v !== null;

/**
 * A scalar as YAML text. Strings are plain where that reads back identically, else double-quoted (the files' house
 * style also quotes every new string holding “…”). `inFlow`: inside `[…]`/`{…}`, where commas and brackets need
 * quotes. `style`: the style of the scalar being replaced, kept where the new value allows it.
 */
export function scalarText(value: unknown, inFlow: boolean, style?: Scalar['type']): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  const s = String(value);
  if (style === 'QUOTE_DOUBLE') return JSON.stringify(s);
  if (style === 'QUOTE_SINGLE' && !/[\n\r]/.test(s)) return `'${s.replace(/'/g, "''")}'`;
  const plain =
    s.length > 0 &&
    s === s.trim() &&
    !/^[-?:,[\]{}#&*!|>'"%@`“”‘’]/.test(s) &&
    !/[\n\r\t]|: |:$| #/.test(s) &&
    (style === 'PLAIN' || !/[“”]/.test(s)) &&
    !(inFlow && /[,[\]{}]/.test(s));
  if (plain) {
    try {
      if ((parse(`k: ${s}`) as { k?: unknown } | null)?.k === s) return s;
    } catch {
      // not plain-safe: quoted below
    }
  }
  return JSON.stringify(s);
}

/** Short lists of codes and ids, lists of lists and small maps are written on one line, as the data files do. */
function prefersFlow(value: unknown): boolean {
  if (Array.isArray(value)) {
    if (!value.length) return true;
    if (value.every((v) => Array.isArray(v))) return true;
    return value.every((v) => typeof v === 'number' || (typeof v === 'string' && /^[\w.-]{1,24}$/.test(v)));
  }
  if (isPlainObject(value)) {
    // entries (with an id, or a change with its op) and quotes get a line per field, as in the data files
    if ('quote' in value || 'id' in value || 'op' in value) return false;
    return Object.values(value).every((v) => !isCollectionValue(v) || prefersFlow(v)) && flowText(value).length <= 100;
  }
  return true;
}

/** A value in flow style: `[a, b]`, `{ k: v }` (the spacing the data files use). */
export function flowText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flowText).join(', ')}]`;
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length ? `{ ${entries.map(([k, v]) => `${k}: ${flowText(v)}`).join(', ')} }` : '{}';
  }
  return scalarText(value, true);
}

/** A map or sequence in block style, every line indented by `indent` and ending with a newline. */
export function blockText(value: unknown, indent: number): string {
  const pad = spaces(indent);
  if (Array.isArray(value)) return value.map((v) => itemText(v, indent)).join('');
  if (isPlainObject(value)) {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${pad}${keyValueText(k, v, indent)}`)
      .join('');
  }
  return `${pad}${scalarText(value, false)}\n`;
}

/** `key: value\n`, or `key:\n` and a block below it indented two more. */
function keyValueText(key: string, value: unknown, indent: number): string {
  if (!isCollectionValue(value)) return `${key}: ${scalarText(value, false)}\n`;
  if (prefersFlow(value)) return `${key}: ${flowText(value)}\n`;
  return `${key}:\n${blockText(value, indent + 2)}`;
}

/** A sequence item `- …` with its dash at `dashIndent`. */
function itemText(value: unknown, dashIndent: number): string {
  const pad = spaces(dashIndent);
  if (!isCollectionValue(value) || prefersFlow(value)) return `${pad}- ${isCollectionValue(value) ? flowText(value) : scalarText(value, false)}\n`;
  const body = blockText(value, dashIndent + 2);
  return `${pad}- ${body.slice(dashIndent + 2)}`;
}

interface Located {
  node: AnyNode;
  /** The pair holding the node, when its parent is a map. */
  pair?: Pair<Scalar, AnyNode>;
  parent?: YAMLMap | YAMLSeq;
  /** Inside a flow collection somewhere above (not counting the node itself). */
  inFlow: boolean;
}

function locate(doc: Document.Parsed, path: YamlPath): Located | undefined {
  let node = doc.contents as AnyNode | null;
  let pair: Pair<Scalar, AnyNode> | undefined;
  let parent: YAMLMap | YAMLSeq | undefined;
  let inFlow = false;
  for (const seg of path) {
    if (!node || !isCollection(node)) return undefined;
    inFlow ||= Boolean(node.flow);
    parent = node;
    if (isMap(node)) {
      pair = (node.items as Pair<Scalar, AnyNode>[]).find((p) => keyOf(p) === seg);
      node = pair?.value ?? null;
    } else {
      pair = undefined;
      node = typeof seg === 'number' ? ((node.items[seg] as AnyNode | undefined) ?? null) : null;
    }
  }
  if (!node) return undefined;
  return { node, ...(pair ? { pair } : {}), ...(parent ? { parent } : {}), inFlow };
}

const keyOf = (p: Pair) => (isScalar(p.key) ? p.key.value : p.key);
const rangeOf = (n: { range?: [number, number, number] | null }) => {
  if (!n.range) throw new Error('YAML node without a source range');
  return n.range;
};

/** Where the dash of a sequence item stands (the item's node starts after `- `). */
function dashStart(text: string, item: AnyNode): number {
  const start = rangeOf(item)[0];
  const line = lineStart(text, start);
  const dash = text.lastIndexOf('-', start - 1);
  return dash >= line ? dash : start;
}

/** True if the items of a block sequence are separated by blank lines (some plans' projects are). */
function blankSeparated(text: string, seq: YAMLSeq): boolean {
  const [a, b] = seq.items as AnyNode[];
  if (!a || !b) return false;
  const between = text.slice(lineEndAfter(text, rangeOf(a)[1]), lineStart(text, dashStart(text, b)));
  return between.split('\n').some((l, i, all) => i < all.length - 1 && l.trim() === '');
}

/** Replaces a node's text with `value`, keeping its style (flow stays flow, block stays block) where it can. */
function replaceNode(text: string, at: Located, value: unknown): string {
  const { node, pair, parent, inFlow } = at;
  const [start, valueEnd] = rangeOf(node);
  const parentIsSeq = parent !== undefined && isSeq(parent);
  if (!isCollectionValue(value)) {
    if (isScalar(node)) {
      const block = node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL';
      const out = scalarText(value, inFlow, typeof value === 'string' ? node.type : undefined);
      return splice(text, start, valueEnd, block ? `${out}\n` : out);
    }
    if (node.flow || inFlow) return splice(text, start, valueEnd, scalarText(value, inFlow));
    // a block collection becomes a scalar
    if (pair) return splice(text, rangeOf(pair.key)[1], valueEnd, `: ${scalarText(value, false)}\n`);
    return splice(text, dashStart(text, node), valueEnd, `- ${scalarText(value, false)}\n`);
  }
  const wasBlock = isCollection(node) && !node.flow;
  const empty = Array.isArray(value) ? !value.length : !Object.keys(value as object).length;
  const flow = inFlow || empty || (!wasBlock && (prefersFlow(value) || (Array.isArray(value) && value.length > 0 && !value.some(isCollectionValue))));
  if (flow && wasBlock) {
    // a block collection becomes a one-line flow one (an emptied list: `unplaced: []`)
    if (pair) return splice(text, rangeOf(pair.key)[1], valueEnd, `: ${flowText(value)}\n`);
    if (parentIsSeq) {
      const dash = dashStart(text, node);
      return splice(text, lineStart(text, dash), valueEnd, `${spaces(column(text, dash))}- ${flowText(value)}\n`);
    }
  }
  if (flow || (!pair && !parentIsSeq)) {
    const tail = isScalar(node) && (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL') ? '\n' : '';
    return splice(text, start, valueEnd, flowText(value) + tail);
  }
  if (parentIsSeq) {
    const dash = dashStart(text, node);
    const indent = column(text, dash);
    const end = wasBlock ? valueEnd : lineEndAfter(text, valueEnd);
    return splice(text, lineStart(text, dash), end, itemText(value, indent));
  }
  const key = pair!.key;
  const keyCol = column(text, rangeOf(key)[0]);
  if (wasBlock) {
    // keep the block's own indentation (a sequence under a key may sit at the key's column or two further)
    const first = (node as YAMLMap | YAMLSeq).items[0] as AnyNode | Pair<Scalar, AnyNode> | undefined;
    const firstNode = first && 'key' in first ? first.key : first;
    const indent = firstNode ? column(text, isSeq(node) ? dashStart(text, firstNode as AnyNode) : rangeOf(firstNode)[0]) : keyCol + 2;
    const body = Array.isArray(value) ? value.map((v) => itemText(v, indent)).join('') : blockText(value, indent);
    return splice(text, lineStart(text, isSeq(node) ? dashStart(text, node.items[0] as AnyNode) : start), valueEnd, body);
  }
  // a scalar or flow value under a block key becomes a block: `key:` then the block on the lines below
  const body = blockText(value, keyCol + 2);
  return splice(text, rangeOf(key)[1], valueEnd, `:\n${body.slice(0, -1)}`);
}

/** Canonical key order of the data files, for inserting a key where a person would have written it. */
const keyOrders: readonly (readonly string[])[] = [
  ['id', 'name', 'nameEn', 'category', 'county', 'place', 'element', 'functions', 'investment', 'source', 'note'],
  ['id', 'role', 'name', 'nameEn', 'group', 'geometry', 'precision', 'counties', 'functions', 'projects', 'source', 'related', 'note'],
  ['id', 'name', 'nameEn', 'lon', 'lat', 'precision', 'county', 'source', 'note'],
  ['name', 'category', 'reason', 'source'],
  [
    'id',
    'title',
    'titleEn',
    'level',
    'region',
    'issuer',
    'docNumber',
    'date',
    'period',
    'parent',
    'seed',
    'formula',
    'formulaSource',
    'summary',
    'targets',
    'indicators',
    'indicatorsSource',
    'elements',
    'projects',
    'unplaced',
    'presentation',
  ],
];

/** The existing pair a new key goes after (the nearest one before it in the canonical order), or the last pair. */
function pairBefore(map: YAMLMap, key: string): Pair<Scalar, AnyNode> | undefined {
  const pairs = map.items as Pair<Scalar, AnyNode>[];
  const keys = pairs.map((p) => String(keyOf(p)));
  const order = keyOrders.filter((o) => o.includes(key)).sort((a, b) => keys.filter((k) => b.includes(k)).length - keys.filter((k) => a.includes(k)).length)[0];
  if (order) {
    for (let i = order.indexOf(key) - 1; i >= 0; i--) {
      const found = pairs.find((p) => keyOf(p) === order[i]);
      if (found) return found;
    }
    return pairs[0];
  }
  return pairs.at(-1);
}

/** The end of a pair's text: past its value's last line. */
function pairEnd(text: string, pair: Pair<Scalar, AnyNode>): number {
  return lineEndAfter(text, rangeOf(pair.value ?? pair.key)[1]);
}

function insertKey(text: string, map: YAMLMap, inFlow: boolean, key: string, value: unknown, at: Located | undefined): string {
  if (map.flow || inFlow || !map.items.length) {
    const current = map.toJSON() as Record<string, unknown>;
    if (!at) return text; // the document root is never empty here
    return replaceNode(text, at, { ...current, [key]: value });
  }
  const after = pairBefore(map, key)!;
  const col = column(text, rangeOf(after.key)[0]);
  return splice(text, pairEnd(text, after), pairEnd(text, after), `${spaces(col)}${keyValueText(key, value, col)}`);
}

function deleteKey(text: string, map: YAMLMap, at: Located | undefined, inFlow: boolean, key: string): string {
  const pairs = map.items as Pair<Scalar, AnyNode>[];
  const pair = pairs.find((p) => keyOf(p) === key)!;
  const keyStart = rangeOf(pair.key)[0];
  const ownLine = text.slice(lineStart(text, keyStart), keyStart).trim() === '';
  if (map.flow || inFlow || !ownLine) {
    const rest = { ...(map.toJSON() as Record<string, unknown>) };
    delete rest[key];
    if (!at) throw new Error(`cannot remove “${key}” here`);
    return replaceNode(text, at, rest);
  }
  return splice(text, lineStart(text, keyStart), pairEnd(text, pair), '');
}

function insertItem(text: string, seq: YAMLSeq, at: Located, index: number, value: unknown): string {
  const items = seq.items as AnyNode[];
  if (seq.flow || at.inFlow || !items.length) {
    const list = seq.toJSON() as unknown[];
    list.splice(index, 0, value);
    return replaceNode(text, at, list);
  }
  const indent = column(text, dashStart(text, items[0]!));
  const sep = blankSeparated(text, seq) ? '\n' : '';
  const body = itemText(value, indent);
  if (index >= items.length) {
    const end = lineEndAfter(text, rangeOf(items.at(-1)!)[1]);
    return splice(text, end, end, sep + body);
  }
  const pos = lineStart(text, dashStart(text, items[index]!));
  return splice(text, pos, pos, body + sep);
}

function removeItem(text: string, seq: YAMLSeq, at: Located, index: number): string {
  const items = seq.items as AnyNode[];
  if (seq.flow || at.inFlow || items.length === 1) {
    const list = seq.toJSON() as unknown[];
    list.splice(index, 1);
    return replaceNode(text, at, list);
  }
  const item = items[index]!;
  let start = lineStart(text, dashStart(text, item));
  let end = lineEndAfter(text, rangeOf(item)[1]);
  if (blankSeparated(text, seq)) {
    if (index < items.length - 1) {
      const next = lineEndAfter(text, end + 1);
      if (text.slice(end, next).trim() === '') end = next;
    } else {
      const prev = lineStart(text, start - 1);
      if (start > 0 && text.slice(prev, start).trim() === '') start = prev;
    }
  }
  return splice(text, start, end, '');
}

/**
 * Sets the value at `path` and returns the new text. `null`/`undefined` removes the key or item; an index equal to a
 * sequence's length appends. A missing parent map is created (`investment.amount` on a project with no investment).
 */
export function setAt(text: string, file: string, path: YamlPath, value: unknown): string {
  if (!path.length) throw new Error(`${file}: cannot replace the whole document`);
  const doc = parseYaml(text, file);
  const parentPath = path.slice(0, -1);
  const last = path.at(-1)!;
  const parentAt = parentPath.length ? locate(doc, parentPath) : undefined;
  const parent = parentPath.length ? parentAt?.node : (doc.contents as AnyNode | null);
  const remove = value === null || value === undefined;
  if (!parent || !isCollection(parent)) {
    if (remove) return text;
    if (typeof last === 'number') {
      if (last !== 0) throw new Error(`${file}: ${parentPath.join('.')}: no such list`);
      return setAt(text, file, parentPath, [value]);
    }
    return setAt(text, file, parentPath, { [last]: value });
  }
  if (isMap(parent)) {
    const key = String(last);
    const here = locate(doc, path);
    if (here && !remove && isMap(here.node) && !here.node.flow && !here.inFlow && isPlainObject(value) && Object.keys(value).length) {
      // a block map is updated key by key, so only the lines of the keys that change are touched
      const current = here.node.toJSON() as Record<string, unknown>;
      let out = text;
      for (const k of Object.keys(current)) if (!(k in value) || value[k] === undefined) out = setAt(out, file, [...path, k], null);
      for (const [k, v] of Object.entries(value)) {
        if (v !== undefined && JSON.stringify(current[k]) !== JSON.stringify(v)) out = setAt(out, file, [...path, k], v);
      }
      return out;
    }
    if (here) return remove ? deleteKey(text, parent, parentAt, parentAt?.inFlow ?? false, key) : replaceNode(text, here, value);
    return remove ? text : insertKey(text, parent, parentAt?.inFlow ?? false, key, value, parentAt);
  }
  const seq = parent as YAMLSeq;
  if (typeof last !== 'number') throw new Error(`${file}: ${path.join('.')}: a list needs an index`);
  if (!parentAt) throw new Error(`${file}: the document is a list`);
  if (last < seq.items.length) return remove ? removeItem(text, seq, parentAt, last) : replaceNode(text, locate(doc, path)!, value);
  if (last === seq.items.length && !remove) return insertItem(text, seq, parentAt, last, value);
  if (remove) return text;
  throw new Error(`${file}: ${path.join('.')}: index out of range`);
}

/** Inserts an item at `index` (≤ length) of the sequence at `path`. */
export function insertAt(text: string, file: string, path: YamlPath, index: number, value: unknown): string {
  const doc = parseYaml(text, file);
  const at = locate(doc, path);
  if (!at || !isSeq(at.node)) throw new Error(`${file}: ${path.join('.')}: no such list`);
  return insertItem(text, at.node, at, Math.min(index, at.node.items.length), value);
}
