import { levelNames, roleNames } from '../../lib/i18n';
import type { Role } from '../../lib/atlas-data';
import { useAtlasStore } from '../../state/store';
import { Quote } from '../../ui/Quote';
import { useStrings } from '../../ui/use-strings';
import { ElementList } from './ElementList';
import { IndicatorTable } from './IndicatorTable';
import { useAtlasIndex, usePlanLayer } from './plan-data';
import { usePlanMeta } from './use-plan-meta';

const shownRoles: Role[] = ['core', 'zone', 'belt', 'node', 'project'];

/** Title, document, the layout formula and summary in the plan's words, targets and indicators. */
export function PlanOverview() {
  const t = useStrings();
  const lang = useAtlasStore((s) => s.lang);
  const planId = useAtlasStore((s) => s.planId);
  const index = useAtlasIndex();
  const plan = usePlanMeta(planId);
  const layer = usePlanLayer(planId);

  if (index.status === 'error') return <div className="panel-body"><p className="notice notice--error" role="alert">{t.loadError}{index.error}</p></div>;
  if (!plan) return <div className="panel-body"><p className="muted" aria-busy="true">{t.loading}</p></div>;
  return (
    <div className="panel-body overview">
      <p className="eyebrow">{levelNames[lang][plan.level]} · {plan.period}</p>
      <h2 className="panel-title" lang="zh-CN">{plan.title}</h2>
      {lang === 'en' && plan.titleEn && <p className="title-en">{plan.titleEn}</p>}
      <dl className="facts">
        {plan.issuer && (<><dt>{t.issued}</dt><dd lang="zh-CN">{plan.issuer}{plan.date ? ` · ${plan.date}` : ''}</dd></>)}
        {!plan.issuer && plan.date && (<><dt>{t.issued}</dt><dd>{plan.date}</dd></>)}
        {plan.docNumber && (<><dt>{t.docNumber}</dt><dd lang="zh-CN">{plan.docNumber}</dd></>)}
      </dl>
      <section aria-labelledby="ov-formula">
        <h3 id="ov-formula" className="section-title">{t.formula}</h3>
        {plan.formula ? <p className="formula" lang="zh-CN">{plan.formula}</p> : <p className="muted">{t.noFormula}</p>}
        <ul className="counts">
          {shownRoles.filter((r) => plan.counts[r]).map((r) => (
            <li key={r}><span className={`role-dot role-dot--${r}`} aria-hidden="true" />{roleNames[lang][r]} <strong>{plan.counts[r]}</strong></li>
          ))}
        </ul>
        <Quote quote={plan.summary.quote} section={plan.summary.section} label={t.section} />
      </section>
      {layer.status === 'error' && <p className="notice notice--error" role="alert">{t.planUnavailable}</p>}
      {layer.status === 'ready' && <ElementList features={layer.data.features} />}
      {plan.targets.length > 0 && (
        <section aria-labelledby="ov-targets">
          <h3 id="ov-targets" className="section-title">{t.targets}</h3>
          <ul className="targets">
            {plan.targets.map((target) => (
              <li key={target.quote}>
                <span lang="zh-CN">{target.quote}</span>
                <span className="cite">{target.section}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {plan.indicators.length > 0 && (
        <section aria-labelledby="ov-indicators">
          <h3 id="ov-indicators" className="section-title">{t.indicators}</h3>
          <IndicatorTable plan={plan} />
          {plan.indicatorsSource && <p className="cite">{t.section} {plan.indicatorsSource.section}</p>}
        </section>
      )}
      {plan.unplaced.length > 0 && (
        <details className="unplaced">
          <summary>{t.unplaced}（{plan.unplaced.length}）</summary>
          <p className="muted">{t.unplacedHint}</p>
          <ul>
            {plan.unplaced.map((u) => (
              <li key={u.name}>
                <strong lang="zh-CN">{u.name}</strong> <span className="muted">{u.reason}</span>
                <span className="cite">{u.source.section}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
