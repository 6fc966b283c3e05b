import { useCatalogue } from '../../data/hooks';
import { regionName } from '../../i18n/languages';
import { useStrings } from '../../i18n/use-strings';
import type { AtlasFeature, PlanId } from '../../lib/atlas-data';
import { useAtlasStore } from '../../state/store';

/** Links to plans this feature relates to, and to the plans that nest in it. */
export function RelatedPlans({ feature, parentFeature }: { feature: AtlasFeature; parentFeature?: AtlasFeature }) {
  const t = useStrings();
  const lang = useAtlasStore((s) => s.lang);
  const showFeature = useAtlasStore((s) => s.showFeature);
  const catalogue = useCatalogue();
  if (catalogue.status !== 'ready') return null;
  const plans = catalogue.data.plans;
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
              <button type="button" className="btn btn--ghost" onClick={() => showFeature({ plan: planId, id: featureId ?? null })}>
                {t.openPlan} <strong>{regionName(plan, lang)}</strong>{' '}
                {plan.formula && (
                  <span lang="zh-CN" className="muted">
                    {plan.formula}
                  </span>
                )}{' '}
                →
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
