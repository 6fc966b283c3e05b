import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useCatalogue } from '../../data/hooks';
import { regionName } from '../../i18n/languages';
import { useStrings } from '../../i18n/use-strings';
import type { PlanId } from '../../lib/vocabulary';
import { isProjectsView } from '../../state/present-slice';
import { useAtlasStore } from '../../state/store';
import { useDismiss } from '../../ui/use-dismiss';
import { ancestorsOf, visibleRows } from './visible-tree';

/**
 * Chooses the plan from the plan tree (province → prefectures → counties), built from each plan's own parent.
 * A combobox over a tree: type to filter, ↑↓ to move, → ← to open and close a branch, Enter to choose; it
 * scrolls, so it holds all 145 of Yunnan's plans.
 */
export function PlanSwitcher() {
  const t = useStrings();
  const lang = useAtlasStore((s) => s.lang);
  const planId = useAtlasStore((s) => s.planId);
  const showFeature = useAtlasStore((s) => s.showFeature);
  const catalogue = useCatalogue();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<Set<PlanId>>(new Set());
  const [active, setActive] = useState<PlanId | null>(null);
  const uid = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const tree = useMemo(() => (catalogue.status === 'ready' ? catalogue.data.tree : []), [catalogue]);
  const current = catalogue.status === 'ready' ? catalogue.data.byId.get(planId) : undefined;
  const rows = useMemo(() => visibleRows(tree, expanded, query), [tree, expanded, query]);
  const filtering = query.trim() !== '';

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    setQuery('');
    if (refocus) button.current?.focus();
  }, []);
  useDismiss(
    root,
    open,
    useCallback(() => close(false), [close]),
  );

  const openMenu = () => {
    // Roots and the branch of the current plan start open.
    setExpanded(new Set([...tree.filter((n) => n.depth === 0).map((n) => n.plan.id), ...ancestorsOf(tree, planId)]));
    setActive(planId || null);
    setOpen(true);
  };
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  useEffect(() => {
    if (!open || !active) return;
    document.getElementById(`${uid}-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [open, active, uid]);
  useEffect(() => {
    if (active && !rows.some((r) => r.plan.id === active)) setActive(rows[0]?.plan.id ?? null);
  }, [rows, active]);

  const choose = (id: PlanId) => {
    // In the projects view the plan menu and the list's plan filter are one choice.
    const s = useAtlasStore.getState();
    if (isProjectsView(s)) s.setProjectFilters({ plans: [id] });
    showFeature({ plan: id, id: null });
    close(true);
  };
  const toggle = (id: PlanId, to?: boolean) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (to ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });

  const onKeyDown = (e: React.KeyboardEvent) => {
    const i = rows.findIndex((r) => r.plan.id === active);
    const row = rows[i];
    const move = (to: number) => {
      e.preventDefault();
      const target = rows[Math.max(0, Math.min(rows.length - 1, to))];
      if (target) setActive(target.plan.id);
    };
    if (e.key === 'ArrowDown') move(i + 1);
    else if (e.key === 'ArrowUp') move(i - 1);
    else if (e.key === 'Home' && !query) move(0);
    else if (e.key === 'End' && !query) move(rows.length - 1);
    else if (e.key === 'PageDown') move(i + 8);
    else if (e.key === 'PageUp') move(i - 8);
    else if (e.key === 'ArrowRight' && row && row.children.length && !filtering) {
      e.preventDefault();
      if (!expanded.has(row.plan.id)) toggle(row.plan.id, true);
      else setActive(row.children[0] ?? row.plan.id);
    } else if (e.key === 'ArrowLeft' && row && !filtering && (e.currentTarget as HTMLInputElement).selectionStart === 0) {
      e.preventDefault();
      if (row.children.length && expanded.has(row.plan.id)) toggle(row.plan.id, false);
      else setActive(ancestorsOf(tree, row.plan.id)[0] ?? row.plan.id);
    } else if (e.key === 'Enter' && row) {
      e.preventDefault();
      choose(row.plan.id);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    }
  };

  const treeId = `${uid}-tree`;
  return (
    <div className="plan-switcher" ref={root}>
      <button
        ref={button}
        type="button"
        className="btn plan-switcher-button"
        data-focus-key="plan-switcher"
        aria-expanded={open}
        aria-haspopup="tree"
        aria-controls={open ? treeId : undefined}
        onClick={() => (open ? close(false) : openMenu())}
      >
        <span className="plan-switcher-label">{t.plans}</span>
        <span className="plan-switcher-current">{current ? regionName(current, lang) : t.loading}</span>
        <span aria-hidden="true" className="chevron">
          ▾
        </span>
      </button>
      {open && (
        <div className="plan-menu">
          <label className="visually-hidden" htmlFor={`${uid}-q`}>
            {t.planFilter}
          </label>
          <input
            ref={input}
            id={`${uid}-q`}
            className="plan-menu-filter"
            type="search"
            role="combobox"
            aria-expanded="true"
            aria-controls={treeId}
            aria-autocomplete="list"
            aria-activedescendant={active ? `${uid}-${active}` : undefined}
            placeholder={t.planFilter}
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onKeyDown}
          />
          <ul className="plan-tree" id={treeId} role="tree" aria-label={t.planSwitcher}>
            {rows.length === 0 && (
              <li role="none" className="plan-tree-empty">
                {t.planFilterEmpty}
              </li>
            )}
            {rows.map(({ plan, depth, children }) => {
              const branch = children.length > 0;
              const isOpen = filtering || expanded.has(plan.id);
              return (
                <li
                  key={plan.id}
                  id={`${uid}-${plan.id}`}
                  role="treeitem"
                  aria-level={depth + 1}
                  aria-selected={plan.id === planId}
                  aria-expanded={branch ? isOpen : undefined}
                  data-plan={plan.id}
                  className={`plan-tree-item${plan.id === active ? ' is-active' : ''}${plan.id === planId ? ' is-current' : ''}`}
                  style={{ paddingInlineStart: `${0.4 + depth * 1.1}rem` }}
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseEnter={() => setActive(plan.id)}
                  onClick={() => choose(plan.id)}
                >
                  <span
                    className="plan-tree-twisty"
                    aria-hidden="true"
                    onClick={(e) => {
                      if (!branch || filtering) return;
                      e.stopPropagation();
                      toggle(plan.id);
                    }}
                  >
                    {branch ? (isOpen ? '▾' : '▸') : ''}
                  </span>
                  <span className="plan-menu-region">{regionName(plan, lang)}</span>
                  <span className="plan-menu-meta">
                    {t.levelNames[plan.level]}
                    {plan.formula ? ` · ${plan.formula}` : ''}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
