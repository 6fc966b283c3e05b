/** Seed-text helpers for choosing words by selection: sections from headings, verbatim checks, the layout sentence. */
import { compactQuote, compactSeed } from '../../lib/seed-text';

const artefacts = /\[(?:bookmark|image):[^\]]*\]/g;
const pageNumber = /^[ \t]*—[ \t]*\d+[ \t]*—[ \t]*$/;
const numeral = '[一二三四五六七八九十百零〇\\d]+';
/** Heading patterns, outermost first: 第X章, 第X节, 一、, （一）, 专栏N. */
const headingLevels: RegExp[] = [
  new RegExp(`^第${numeral}章`),
  new RegExp(`^第${numeral}节`),
  /^[一二三四五六七八九十]+、/,
  /^[（(][一二三四五六七八九十]+[）)]/,
  /^专栏\s*\d+/,
];

interface Heading {
  /** Offset of the heading line's start, and of the line's end. */
  start: number;
  end: number;
  level: number;
  text: string;
}

/** The heading a line is, if it is one: its level and its words (a run-in heading is cut at its first 。 or ：). */
function headingOf(line: string): { level: number; text: string } | undefined {
  const clean = line.replace(artefacts, '').trim().replace(/\s+/g, ' ');
  const level = headingLevels.findIndex((re) => re.test(clean));
  if (level < 0) return undefined;
  if (level <= 1) {
    // "第二节是基本原则，…" is prose that starts like a heading
    if (clean.length > 30 || /[，,。]/.test(clean)) return undefined;
    return { level, text: clean };
  }
  // a 专栏 keeps its title ("专栏1：中医中药产业重点建设内容"); other run-in headings end at 。 or ：
  const stop = clean.search(level === 4 ? /。/ : /[。：:]/);
  if (stop > 0 && stop <= 40) return { level, text: clean.slice(0, stop) };
  return clean.length <= 40 ? { level, text: clean } : undefined;
}

let cached: { seed: string; headings: Heading[] } | undefined;
/** The seed's headings in order (cached for the last seed: the studio asks for one seed many times). */
function headingsOf(seed: string): Heading[] {
  if (cached?.seed === seed) return cached.headings;
  const headings: Heading[] = [];
  let start = 0;
  for (const line of seed.split('\n')) {
    const h = headingOf(line);
    if (h) headings.push({ start, end: start + line.length, ...h });
    start += line.length + 1;
  }
  cached = { seed, headings };
  return headings;
}

/** The headings in force at `offset`, outermost first. */
function headingStack(seed: string, offset: number): Heading[] {
  const stack: Heading[] = [];
  for (const h of headingsOf(seed)) {
    if (h.start > offset) break;
    while (stack.length && stack.at(-1)!.level >= h.level) stack.pop();
    stack.push(h);
  }
  return stack;
}

/**
 * The section of a text offset, from the headings above it (第X章, 第X节, 一、, （一）, 专栏…), outermost first,
 * joined with spaces: "第三章 发展布局 第一节 空间布局". Empty string before the first heading.
 */
export function sectionAt(seed: string, offset: number): string {
  return headingStack(seed, offset)
    .map((h) => h.text)
    .join(' ');
}

let compacted: { seed: string; compact: string } | undefined;

/** True if `text` is in the seed verbatim, once line breaks, page numbers and layout artefacts are ignored. */
export function isVerbatim(seed: string, text: string): boolean {
  const quote = compactQuote(text);
  if (!quote) return false;
  if (compacted?.seed !== seed) compacted = { seed, compact: compactSeed(seed) };
  return compacted.compact.includes(quote);
}

/** The seed without artefacts and page-number lines, and with line breaks (and the indentation around them) joined. */
function cleanRange(seed: string, start: number, end: number): string {
  return seed
    .slice(start, end)
    .split('\n')
    .filter((line) => !pageNumber.test(line))
    .map((line) => line.replace(artefacts, '').trim())
    .join('')
    .trim();
}

/**
 * A selection of the seed (UTF-16 offsets, as a textarea or DOM Range gives them) as a quote: page numbers and
 * artefacts removed, line breaks joined, trimmed; with the section of its start.
 */
export function quoteFromSelection(seed: string, start: number, end: number): { quote: string; section: string } {
  const [a, b] = start <= end ? [start, end] : [end, start];
  return { quote: cleanRange(seed, a, b), section: sectionAt(seed, a) };
}

/** The seed's non-space characters with their offsets, for finding a quote whatever the line breaks. */
function compactWithOffsets(seed: string): { text: string; offsets: number[] } {
  const offsets: number[] = [];
  let text = '';
  const skip = new Uint8Array(seed.length);
  for (const m of seed.matchAll(artefacts)) skip.fill(1, m.index, m.index + m[0].length);
  let lineStart = 0;
  for (const line of seed.split('\n')) {
    if (pageNumber.test(line)) skip.fill(1, lineStart, lineStart + line.length);
    lineStart += line.length + 1;
  }
  for (let i = 0; i < seed.length; i++) {
    const ch = seed[i]!;
    if (skip[i] || /\s/u.test(ch)) continue;
    text += ch;
    offsets.push(i);
  }
  return { text, offsets };
}

let located: { seed: string; compact: { text: string; offsets: number[] } } | undefined;

/** Where `text` occurs in the seed (ignoring line breaks and page numbers), as seed offsets; undefined if it does not. */
export function findInSeed(seed: string, text: string, from = 0): { start: number; end: number } | undefined {
  const quote = compactQuote(text);
  if (!quote) return undefined;
  if (located?.seed !== seed) located = { seed, compact: compactWithOffsets(seed) };
  const { text: compact, offsets } = located.compact;
  let startIndex = offsets.findIndex((o) => o >= from);
  if (startIndex < 0) return undefined;
  startIndex = compact.indexOf(quote, startIndex);
  if (startIndex < 0) return undefined;
  return { start: offsets[startIndex]!, end: offsets[startIndex + quote.length - 1]! + 1 };
}

/** A new plan's layout statement: the quoted formula and its sentence. */
export interface LayoutSentence {
  /** The formula as written, e.g. `一核六区四带` or `“中心”引领、“多点”协同`. */
  formula: string;
  /** The sentence that states it (a verbatim quote). */
  sentence: string;
  section: string;
  /** Offset of the sentence in the seed. */
  offset: number;
}

/** “一核”引领、“六区”协同 (quoted terms each with a verb, joined by 、, before 的); else any quoted phrase. */
const composite = /“[^“”\n]{1,12}”[\p{Script=Han}]{1,4}(?:、“[^“”\n]{1,12}”[\p{Script=Han}]{1,4})+(?=的)/gu;
const quoted = /“([^“”\n]{2,40})”/gu;
const layoutSection = /空间布局|发展布局|总体布局/;

/**
 * Finds the layout sentence of a plan: in the 空间布局 / 发展布局 section (else anywhere), the sentence that states a
 * quoted formula (“一核六区四带”, “中心”引领、“多点”协同 …) as the layout. Undefined if the plan has none.
 * Candidates are scored: followed by “…布局” in the same clause (required), introduced by 构建/构筑/形成/打造,
 * in or right after a layout heading, and made of counted terms (一核、六区 …).
 */
export function findLayoutSentence(seed: string): LayoutSentence | undefined {
  // Work on the text with line breaks joined, keeping each character's seed offset.
  const { text, offsets } = compactWithOffsets(seed);
  const candidates: { formula: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(composite)) candidates.push({ formula: m[0], start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(quoted)) {
    if (!candidates.some((c) => m.index >= c.start && m.index < c.end)) candidates.push({ formula: m[1]!, start: m.index, end: m.index + m[0].length });
  }
  let best: { score: number; formula: string; start: number; end: number } | undefined;
  for (const c of candidates) {
    const after = text.slice(c.end, c.end + 16).split(/[。，；“]/)[0] ?? '';
    if (!/^的?[^。，；]{0,12}布局/.test(after)) continue;
    const clauseStart = Math.max(text.lastIndexOf('，', c.start - 1), text.lastIndexOf('。', c.start - 1)) + 1;
    const before = text.slice(clauseStart, c.start);
    let score = 3;
    if (/构建|构筑|形成|打造/.test(before)) score += 2;
    const seedOffset = offsets[c.start] ?? 0;
    if (layoutSection.test(sectionAt(seed, seedOffset)) || layoutSection.test(text.slice(Math.max(0, c.start - 30), c.start))) score += 2;
    if (/[一二三四五六七八九十两多][\p{Script=Han}]/u.test(c.formula)) score += 1;
    if (/格局/.test(after)) score -= 3;
    if (!best || score > best.score) best = { score, ...c };
  }
  if (!best || best.score < 6) return undefined;
  // the sentence: from the last 。！？ (or the heading line above) to the next 。
  const headingEnd = headingStack(seed, offsets[best.start]!).at(-1)?.end ?? 0;
  let s = best.start;
  while (s > 0 && !/[。！？]/.test(text[s - 1]!) && offsets[s - 1]! >= headingEnd) s--;
  let e = best.end;
  while (e < text.length && !/[。！？]/.test(text[e - 1]!)) e++;
  const start = offsets[s]!;
  const end = offsets[e - 1]! + 1;
  const sentence = cleanRange(seed, start, end);
  const formula = best.formula;
  return { formula, sentence, section: sectionAt(seed, start), offset: start };
}
