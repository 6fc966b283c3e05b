/**
 * Links chosen from the plan tree, never typed: a plan's parent (the tree offers no plan that would make a cycle —
 * the plan itself or one nested in it — and the compiler checks again), and an element's related features in
 * other plans.
 */
import { useId, useState } from 'react';
import { setParent, setRelated } from '../../compiler/edit/ops';
import type { Catalogue } from '../../data/catalogue';
import { useCatalogue, usePlan } from '../../data/hooks';
import { ChoiceSelect } from '../../ui/ChoiceSelect';
import { RemovableItem } from './RemovableItem';
import { useSession } from './session';
import { useStudioStrings } from './strings';

/** The plan and every plan nested in it, at any depth: none of them can be its parent. */
export function descendantsOf(catalogue: Catalogue, planId: string): Set<string> {
  const out = new Set([planId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of catalogue.plans)
      if (p.parent && out.has(p.parent.plan) && !out.has(p.id)) {
        out.add(p.id);
        grew = true;
      }
  }
  return out;
}

/** The plan tree as indented options (depth shown with spaces), for a select. */
function treeOptions(catalogue: Catalogue, disabled: Set<string>) {
  return catalogue.tree.map((n) => (
    <option key={n.plan.id} value={n.plan.id} disabled={disabled.has(n.plan.id)}>
      {`${'\u3000'.repeat(n.depth)}${n.plan.regionShort} · ${n.plan.title}`}
    </option>
  ));
}

export function ParentEditor({ planId, parent }: { planId: string; parent?: { plan: string; element?: string } | undefined }) {
  const t = useStudioStrings();
  const catalogue = useCatalogue();
  const plan = useSession((s) => s.plan);
  const apply = useSession((s) => s.apply);
  const who = useSession((s) => s.who);
  const id = useId();
  if (!plan || catalogue.status !== 'ready') return null;
  const blocked = descendantsOf(catalogue.data, planId);
  return (
    <div className="studio-fields">
      <label className="studio-label" htmlFor={`${id}-parent`}>
        {t.parent}
      </label>
      <select
        id={`${id}-parent`}
        value={parent?.plan ?? ''}
        onChange={(e) => apply(setParent(plan, e.target.value ? { plan: e.target.value } : null, who ? { who } : undefined))}
      >
        <option value="">{t.noParent}</option>
        {treeOptions(catalogue.data, blocked)}
      </select>
      <p className="studio-muted">{t.parentHint}</p>
    </div>
  );
}

export function RelatedEditor({ target, related }: { target: string; related: readonly { plan: string; feature?: string; note?: string }[] }) {
  const t = useStudioStrings();
  const catalogue = useCatalogue();
  const plan = useSession((s) => s.plan);
  const apply = useSession((s) => s.apply);
  const who = useSession((s) => s.who);
  const [otherPlan, setOtherPlan] = useState('');
  const [feature, setFeature] = useState('');
  const other = usePlan(otherPlan);
  const id = useId();
  if (!plan || catalogue.status !== 'ready') return null;
  const extra = who ? { who } : undefined;
  const name = (planId: string, featureId?: string) => {
    const p = catalogue.data.byId.get(planId);
    const f = featureId && other.status === 'ready' && otherPlan === planId ? other.data.byId.get(featureId) : undefined;
    return [p?.title ?? planId, f?.properties.name ?? featureId].filter(Boolean).join(' · ');
  };
  return (
    <div className="studio-fields">
      <h4 className="studio-label">{t.related}</h4>
      <ul className="studio-list">
        {related.map((r, i) => (
          <RemovableItem
            key={`${r.plan}/${r.feature ?? ''}`}
            removeLabel={t.removeLink(name(r.plan, r.feature))}
            onRemove={() =>
              apply(
                setRelated(
                  plan,
                  target,
                  related.filter((_, j) => j !== i),
                  extra,
                ),
              )
            }
          >
            {name(r.plan, r.feature)}
          </RemovableItem>
        ))}
      </ul>
      <div className="studio-grid">
        <label htmlFor={`${id}-plan`}>{t.linkPlan}</label>
        <select
          id={`${id}-plan`}
          value={otherPlan}
          onChange={(e) => {
            setOtherPlan(e.target.value);
            setFeature('');
          }}
        >
          <option value="">—</option>
          {treeOptions(catalogue.data, new Set([plan.folder]))}
        </select>
        <label htmlFor={`${id}-feature`}>{t.linkFeature}</label>
        <ChoiceSelect
          id={`${id}-feature`}
          value={feature}
          onChange={setFeature}
          choices={
            other.status === 'ready'
              ? other.data.features
                  .filter((f) => f.properties.role !== 'project' && f.properties.part !== 'linked')
                  .map((f) => ({ value: f.properties.id, label: f.properties.name }))
              : []
          }
          empty={t.wholePlan}
          disabled={other.status !== 'ready'}
        />
      </div>
      <button
        type="button"
        className="btn"
        disabled={!otherPlan}
        onClick={() => apply(setRelated(plan, target, [...related, { plan: otherPlan, ...(feature ? { feature } : {}) }], extra))}
      >
        {t.addLink}
      </button>
    </div>
  );
}
