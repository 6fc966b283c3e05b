import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useCatalogue } from '../../data/hooks';
import { prefetchSearch } from '../../data/search';
import { regionName } from '../../i18n/languages';
import { useStrings } from '../../i18n/use-strings';
import type { CatalogueEntry, PlanId, SearchEntry } from '../../lib/atlas-data';
import { useAtlasStore } from '../../state/store';
import { useSheetLayout } from '../../ui/BottomSheet';
import { useFittingText } from '../../ui/use-fitting-text';
import { searchAtlas, searchPlans } from './search-index';
import { useSearchCandidates } from './use-search-candidates';

type Option = { kind: 'plan'; plan: CatalogueEntry } | { kind: 'entry'; entry: SearchEntry };

/**
 * One search box over every plan (by name) and every plan's elements and projects; a combobox with results
 * grouped by plan. Its index loads on first use, not with the page, a shard at a time (a new shard's download after a
 * pause in typing); a keystroke over a loaded shard is matched at once.
 */
export function SearchBox() {
  const t = useStrings();
  // On a phone the box is narrow: a short hint.
  const phone = useSheetLayout();
  const lang = useAtlasStore((s) => s.lang);
  const showFeature = useAtlasStore((s) => s.showFeature);
  const catalogue = useCatalogue();
  const [query, setQuery] = useState('');
  const candidates = useSearchCandidates(query);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  // The list closes a moment after the box loses focus (a click on a result lands first); never after unmounting.
  const blurTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(blurTimer.current), []);
  const input = useRef<HTMLInputElement>(null);
  // The longest hint the box has room for: on a phone beside a long plan name even the short one can be cut.
  const hint = useFittingText(input, phone ? [t.searchPlaceholderShort, t.searchPlaceholderShortest] : [t.searchPlaceholder, t.searchPlaceholderShort]);
  const plans = catalogue.status === 'ready' ? catalogue.data.plans : [];
  const planHits = useMemo(() => searchPlans(plans, query), [plans, query]);
  // While the next query's entries load (or typing goes on), those already loaded are ranked against what is typed:
  // results of the query on screen, never another's, completed when its shard is in.
  const groups = useMemo(
    () =>
      query.trim()
        ? searchAtlas(
            candidates.entries,
            query,
            plans.map((p) => p.id),
          )
        : [],
    [candidates, query, plans],
  );
  const flat: Option[] = [
    ...planHits.map((plan) => ({ kind: 'plan' as const, plan })),
    ...groups.flatMap((g) => g.entries.map((entry) => ({ kind: 'entry' as const, entry }))),
  ];

  const choose = (option: Option) => {
    if (option.kind === 'plan') showFeature({ plan: option.plan.id, id: null });
    else showFeature({ plan: option.entry.plan, id: option.entry.id });
    setOpen(false);
    setQuery(option.kind === 'plan' ? regionName(option.plan, lang) : option.entry.name);
    input.current?.blur();
  };

  const optionId = (i: number) => `${listId}-opt-${i}`;
  const planName = (id: PlanId) => {
    const plan = catalogue.status === 'ready' ? catalogue.data.byId.get(id) : undefined;
    return plan ? regionName(plan, lang) : id;
  };
  const loadingIndex = candidates.status === 'loading' || (candidates.status === 'idle' && query.trim() !== '') || candidates.query !== query;
  let i = -1;
  return (
    <div className="search" role="search">
      <label className="visually-hidden" htmlFor={`${listId}-input`}>
        {t.search}
      </label>
      <input
        ref={input}
        id={`${listId}-input`}
        className="search-input"
        type="search"
        role="combobox"
        aria-expanded={open && query.trim() !== ''}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && flat.length ? optionId(active) : undefined}
        placeholder={hint}
        value={query}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => {
          clearTimeout(blurTimer.current);
          prefetchSearch();
          setOpen(true);
        }}
        onBlur={() => {
          blurTimer.current = setTimeout(() => setOpen(false), 150);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, flat.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter' && open && flat[active]) {
            e.preventDefault();
            choose(flat[active]);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            if (open && query) setOpen(false);
            else setQuery('');
          }
        }}
      />
      {open && query.trim() !== '' && (
        <div className="search-results" id={listId} role="listbox" aria-label={t.searchResults}>
          {flat.length === 0 && (
            <p className="search-empty" role="presentation">
              {candidates.status === 'error' ? t.notices.searchFailed : loadingIndex ? t.loading : t.searchNoResults}
            </p>
          )}
          {planHits.length > 0 && (
            <div role="group" aria-label={t.plans} className="search-group">
              <p className="search-group-title" role="presentation">
                {t.plans}
              </p>
              {planHits.map((plan) => {
                i += 1;
                const n = i;
                return (
                  <div
                    key={plan.id}
                    id={optionId(n)}
                    role="option"
                    aria-selected={n === active}
                    className={`search-option${n === active ? ' is-active' : ''}`}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => choose({ kind: 'plan', plan })}
                    onMouseEnter={() => setActive(n)}
                  >
                    <span className="search-option-name" lang="zh-CN">
                      {plan.title}
                    </span>
                    <span className="search-option-meta">
                      {t.levelNames[plan.level]} · {regionName(plan, lang)}
                    </span>
                  </div>
                );
              })}
            </div>
          )}
          {groups.map((g) => (
            <div role="group" aria-label={planName(g.plan)} key={g.plan} className="search-group">
              <p className="search-group-title" role="presentation">
                {planName(g.plan)}
              </p>
              {g.entries.map((entry) => {
                i += 1;
                const n = i;
                return (
                  <div
                    key={entry.id}
                    id={optionId(n)}
                    role="option"
                    aria-selected={n === active}
                    className={`search-option${n === active ? ' is-active' : ''}`}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => choose({ kind: 'entry', entry })}
                    onMouseEnter={() => setActive(n)}
                  >
                    <span className="search-option-name" lang="zh-CN">
                      {entry.name}
                    </span>
                    <span className="search-option-meta">
                      {entry.role === 'project' ? t.categoryNames[entry.category ?? 'other'] : t.roleNames[entry.role]}
                      {entry.county ? ` · ${entry.county}` : ''}
                    </span>
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
