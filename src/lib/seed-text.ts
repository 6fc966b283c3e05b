/**
 * Seed texts carry PDF line breaks, page numbers ("— 21 —") and Word artefacts ("[bookmark: _Toc1]").
 * Quotes are compared with all of that, and all white space, removed.
 */
const artefacts = /\[(?:bookmark|image):[^\]]*\]/g;
const pageNumber = /^[ \t]*—[ \t]*\d+[ \t]*—[ \t]*$/gm;

/** The seed as one run of text without artefacts or white space, for substring checks. */
export function compactSeed(seed: string): string {
  return compactQuote(seed.replace(artefacts, '').replace(pageNumber, ''));
}

/** A quote without white space, for comparing with {@link compactSeed}. */
export function compactQuote(quote: string): string {
  return quote.replace(/\s+/gu, '');
}
