/** Seed-text helpers for choosing words by selection: sections from headings, verbatim checks, the layout sentence. */

/**
 * The section of a text offset, from the headings above it (第X章, 第X节, 一、, （一）, 专栏…), outermost first,
 * joined with spaces: "第三章 发展布局 第一节 空间布局". Empty string before the first heading.
 */
export function sectionAt(seed: string, offset: number): string {
  void seed;
  void offset;
  throw new Error('not implemented');
}

/** True if `text` is in the seed verbatim, once line breaks, page numbers and layout artefacts are ignored. */
export function isVerbatim(seed: string, text: string): boolean {
  void seed;
  void text;
  throw new Error('not implemented');
}

/**
 * A selection of the seed (UTF-16 offsets, as a textarea or DOM Range gives them) as a quote: page numbers and
 * artefacts removed, line breaks joined, trimmed; with the section of its start.
 */
export function quoteFromSelection(seed: string, start: number, end: number): { quote: string; section: string } {
  void seed;
  void start;
  void end;
  throw new Error('not implemented');
}

/** Where `text` occurs in the seed (ignoring line breaks and page numbers), as seed offsets; undefined if it does not. */
export function findInSeed(seed: string, text: string, from?: number): { start: number; end: number } | undefined {
  void seed;
  void text;
  void from;
  throw new Error('not implemented');
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

/**
 * Finds the layout sentence of a plan: in the 空间布局 / 发展布局 section (else anywhere), the sentence that states a
 * quoted formula (“一核六区四带”, “中心”引领、“多点”协同 …) as the layout. Undefined if the plan has none.
 */
export function findLayoutSentence(seed: string): LayoutSentence | undefined {
  void seed;
  throw new Error('not implemented');
}
