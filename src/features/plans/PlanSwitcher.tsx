import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { levelNames } from '../../lib/i18n';
import { useAtlasStore } from '../../state/store';
import { useDismiss } from '../../ui/use-dismiss';
import { useStrings } from '../../ui/use-strings';
import { useAtlasIndex } from './plan-data';
import { planTree } from './plan-tree';
import { regionLabel } from './region-label';

/** Chooses the plan, showing how the plans nest (云南省 → 曲靖市, 临沧市 → 双江县; 勐海县 under 滇南边境). */
export function PlanSwitcher() {
  const t = useStrings();
  const lang = useAtlasStore((s) => s.lang);
  const planId = useAtlasStore((s) => s.planId);
  const setPlan = useAtlasStore((s) => s.setPlan);
  const index = useAtlasIndex();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);
  const plans = index.status === 'ready' ? index.data.plans : [];
  const current = plans.find((p) => p.id === planId);

  useDismiss(root, open, useCallback(() => setOpen(false), []));

  useEffect(() => {
    if (open) root.current?.querySelector<HTMLButtonElement>('[aria-current="true"]')?.focus();
  }, [open]);

  return (
    <div className="plan-switcher" ref={root} onKeyDown={(e) => {
      if (e.key === 'Escape' && open) {
        e.stopPropagation();
        setOpen(false);
        root.current?.querySelector<HTMLButtonElement>('button')?.focus();
      }
    }}>
      <button type="button" className="btn plan-switcher-button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        <span className="plan-switcher-label">{t.plans}</span>
        <span className="plan-switcher-current">{current ? regionLabel(current, lang) : t.loading}</span>
        <span aria-hidden="true" className="chevron">▾</span>
      </button>
      {open && (
        <ul className="plan-menu" id={listId} aria-label={t.planSwitcher}>
          {planTree(plans).map(({ plan, depth }) => (
            <li key={plan.id} style={{ paddingInlineStart: `${depth * 1.1}rem` }}>
              <button type="button" className="plan-menu-item" aria-current={plan.id === planId} onClick={() => {
                setPlan(plan.id);
                setOpen(false);
              }}>
                {depth > 0 && <span className="tree-elbow" aria-hidden="true">└</span>}
                <span className="plan-menu-region">{regionLabel(plan, lang)}</span>
                <span className="plan-menu-meta">{levelNames[lang][plan.level]}{plan.formula ? ` · ${plan.formula}` : ''}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
