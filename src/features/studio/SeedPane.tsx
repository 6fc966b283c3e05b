/**
 * The plan's own text, searchable: the only source of the plan's words. Selecting a passage makes it the pick
 * (with its section, from the headings above it) that the editor can use as a quote, a function or a phrase.
 * Text typed or pasted into the search is used only if it is in the text; otherwise the pane says why not.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { findInSeed, quoteFromSelection } from '../../compiler/edit/seed';
import { useStudioStrings } from './strings';
import { useSeedPick } from './seed-pick';

/** The seed offset of a point in the text container (its text nodes hold the seed exactly, in order). */
function offsetIn(container: HTMLElement, node: Node, offset: number): number | undefined {
  if (!container.contains(node)) return undefined;
  const range = document.createRange();
  range.setStart(container, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** Selects seed offsets [start, end) in the container and brings them into view. */
function selectOffsets(container: HTMLElement, start: number, end: number): void {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let at = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (!started && start <= at + length) {
      range.setStart(node, start - at);
      started = true;
    }
    if (started && end <= at + length) {
      range.setEnd(node, end - at);
      break;
    }
    at += length;
  }
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  if (typeof range.getBoundingClientRect !== 'function') return; // a DOM without layout (tests)
  const box = range.getBoundingClientRect();
  const outer = container.getBoundingClientRect();
  container.scrollTop += box.top - outer.top - outer.height / 3;
}

const artefact = /\[(?:bookmark|image): [^\]\n]*\]/g;

/** The seed cut into its text and Word's artefacts, which the pane hides. */
export function seedParts(seed: string): { text: string; artefact: boolean }[] {
  const parts: { text: string; artefact: boolean }[] = [];
  let at = 0;
  for (const m of seed.matchAll(artefact)) {
    if (m.index > at) parts.push({ text: seed.slice(at, m.index), artefact: false });
    parts.push({ text: m[0], artefact: true });
    at = m.index + m[0].length;
  }
  if (at < seed.length) parts.push({ text: seed.slice(at), artefact: false });
  return parts;
}

export function SeedPane({ seed, seedName }: { seed: string; seedName: string }) {
  const t = useStudioStrings();
  const text = useRef<HTMLDivElement>(null);
  const { pick, setPick } = useSeedPick();
  const [query, setQuery] = useState('');
  const [notFound, setNotFound] = useState('');
  const [from, setFrom] = useState(0);
  const searchId = useId();
  const statusId = useId();
  const parts = useMemo(() => seedParts(seed), [seed]);

  // A selection inside the text is the pick; a selection elsewhere (or none) leaves the last pick as it was.
  useEffect(() => {
    const onSelection = () => {
      const container = text.current;
      const selection = window.getSelection();
      if (!container || !selection || selection.isCollapsed || !selection.rangeCount) return;
      const range = selection.getRangeAt(0);
      const start = offsetIn(container, range.startContainer, range.startOffset);
      const end = offsetIn(container, range.endContainer, range.endOffset);
      if (start === undefined || end === undefined || end <= start) return;
      const chosen = quoteFromSelection(seed, start, end);
      if (chosen.quote) {
        setPick(chosen);
        setNotFound('');
      }
    };
    document.addEventListener('selectionchange', onSelection);
    return () => document.removeEventListener('selectionchange', onSelection);
  }, [seed, setPick]);
  useEffect(() => () => setPick(null), [setPick]);

  const find = (again: boolean) => {
    const wanted = query.trim();
    if (!wanted || !text.current) return;
    const hit = findInSeed(seed, wanted, again ? from : 0) ?? (again ? findInSeed(seed, wanted, 0) : undefined);
    if (!hit) {
      setNotFound(wanted);
      setPick(null);
      return;
    }
    setNotFound('');
    setFrom(hit.end);
    setPick(quoteFromSelection(seed, hit.start, hit.end));
    selectOffsets(text.current, hit.start, hit.end);
  };

  return (
    <section className="studio-seed" aria-labelledby={`${searchId}-title`}>
      <h3 className="studio-h" id={`${searchId}-title`}>
        {t.seedTitle} <span className="studio-muted">{seedName}</span>
      </h3>
      <form
        className="studio-seed-search"
        onSubmit={(e) => {
          e.preventDefault();
          find(true);
        }}
      >
        <label htmlFor={searchId} className="visually-hidden">
          {t.seedSearch}
        </label>
        <input
          id={searchId}
          type="search"
          value={query}
          placeholder={t.seedSearchHint}
          aria-describedby={statusId}
          onChange={(e) => {
            setQuery(e.target.value);
            setNotFound('');
          }}
        />
        <button type="submit" className="btn">
          {t.seedFind}
        </button>
      </form>
      <div id={statusId} className="studio-seed-status" role="status" aria-label={t.seedStatusLabel}>
        {notFound ? (
          <p className="studio-refusal">{t.notInSeed(notFound)}</p>
        ) : pick ? (
          <p>
            <span className="studio-muted">{t.picked}</span> <q lang="zh-CN">{pick.quote}</q>{' '}
            <span className="studio-muted">· {pick.section || t.noSection}</span>
          </p>
        ) : (
          <p className="studio-muted">{t.seedHint}</p>
        )}
      </div>
      {/* Every character of the seed is in a text node, in order, so selection offsets are seed offsets; Word's
          artefacts ([bookmark: …]) are kept but hidden, and a quote never carries them. */}
      <div ref={text} className="studio-seed-text" lang="zh-CN" tabIndex={0} role="document" aria-label={t.seedText}>
        {parts.map((part, i) =>
          part.artefact ? (
            <span key={i} className="studio-artefact">
              {part.text}
            </span>
          ) : (
            part.text
          ),
        )}
      </div>
    </section>
  );
}
