import { useId, useMemo, useRef, useState } from 'react';
import type { PlanId, SearchEntry } from '../../lib/atlas-data';
import { categoryNames, roleNames } from '../../lib/i18n';
import { useAtlasStore } from '../../state/store';
import { useStrings } from '../../ui/use-strings';
import { loadPlanLayer, useAtlasIndex } from '../plans/plan-data';
import { regionLabel } from '../plans/region-label';
import { searchAtlas } from './search-index';

/** One search box over every plan's elements and projects; a combobox with results grouped by plan. */
export function SearchBox() {
  const t = useStrings();
  const lang = useAtlasStore((s) => s.lang);
  const index = useAtlasIndex();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const plans = index.status === 'ready' ? index.data.plans : [];
  const groups = useMemo(
    () => (index.status === 'ready' ? searchAtlas(index.data.search, query, index.data.plans.map((p) => p.id)) : []),
    [index, query],
  );
  const flat = groups.flatMap((g) => g.entries);

  const choose = (entry: SearchEntry) => {
    const s = useAtlasStore.getState();
    s.setPlan(entry.plan);
    // Select once the plan's layer is in, so the details panel and the camera find the feature.
    void loadPlanLayer(entry.plan).then(() => {
      useAtlasStore.getState().select(entry.id);
      useAtlasStore.getState().moveCamera({ kind: 'feature', id: entry.id });
    });
    setOpen(false);
    setQuery(entry.name);
    input.current?.blur();
  };

  const optionId = (i: number) => `${listId}-opt-${i}`;
  const planName = (id: PlanId) => {
    const plan = plans.find((p) => p.id === id);
    return plan ? regionLabel(plan, lang) : id;
  };
  let i = -1;
  return (
    <div className="search" role="search">
      <label className="visually-hidden" htmlFor={`${listId}-input`}>{t.search}</label>
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
        placeholder={t.searchPlaceholder}
        value={query}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
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
          {groups.length === 0 && <p className="search-empty" role="presentation">{t.searchNoResults}</p>}
          {groups.map((g) => (
            <div role="group" aria-label={planName(g.plan)} key={g.plan} className="search-group">
              <p className="search-group-title" role="presentation">{planName(g.plan)}</p>
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
                    onClick={() => choose(entry)}
                    onMouseEnter={() => setActive(n)}
                  >
                    <span className="search-option-name" lang="zh-CN">{entry.name}</span>
                    <span className="search-option-meta">
                      {entry.role === 'project' ? categoryNames[lang][entry.category ?? 'other'] : roleNames[lang][entry.role]}
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
