import type { AtlasFeature, PlanId } from '../../lib/atlas-data';
import { useAtlasStore } from '../../state/store';
import { useStrings } from '../../ui/use-strings';
import { useAtlasIndex } from '../plans/plan-data';
import { regionLabel } from '../plans/region-label';

/** Links to plans this feature relates to, and to the plans that nest in it. */
export function RelatedPlans({ feature, parentFeature }: { feature: AtlasFeature; parentFeature?: AtlasFeature }) {
  const t = useStrings();
  const lang = useAtlasStore((s) => s.lang);
  const setPlan = useAtlasStore((s) => s.setPlan);
  const select = useAtlasStore((s) => s.select);
  const moveCamera = useAtlasStore((s) => s.moveCamera);
  const index = useAtlasIndex();
  if (index.status !== 'ready') return null;
  const plans = index.data.plans;
  const p = feature.properties;
  const links = new Map<PlanId, string | undefined>();
  for (const r of [...(p.related ?? []), ...(parentFeature?.properties.related ?? [])]) if (r.plan !== p.plan) links.set(r.plan, r.feature);
  // Plans that nest in this element, and plans whose area this feature lies in.
  for (const child of plans) {
    if (child.parent?.plan === p.plan && child.parent.element && `${p.plan}-${child.parent.element}` === p.id) links.set(child.id, links.get(child.id));
    if (child.id !== p.plan && p.counties.includes(child.region.code)) links.set(child.id, links.get(child.id));
  }
  if (!links.size) return null;
  return (
    <section>
      <h3 className="section-title">{t.related}</h3>
      <ul className="related">
        {[...links].map(([planId, featureId]) => {
          const plan = plans.find((x) => x.id === planId);
          if (!plan) return null;
          return (
            <li key={planId}>
              <button type="button" className="btn btn--ghost" onClick={() => {
                setPlan(planId);
                if (featureId) {
                  select(featureId);
                  moveCamera({ kind: 'feature', id: featureId });
                } else select(null);
              }}>
                {t.openPlan} <strong>{regionLabel(plan, lang)}</strong> <span lang="zh-CN" className="muted">{plan.formula}</span> →
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
