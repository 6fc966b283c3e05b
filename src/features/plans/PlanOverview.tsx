import { usePlan, usePlanEntry } from '../../data/hooks';
import { planResource } from '../../data/plans';
import { englishName } from '../../i18n/languages';
import { useStrings } from '../../i18n/use-strings';
import { categoryColors } from '../../lib/presentation';
import { type Role, roles } from '../../lib/vocabulary';
import { useAtlasStore } from '../../state/store';
import { IndicatorTable } from '../../ui/IndicatorTable';
import { PanelLoading } from '../../ui/PanelLoading';
import { Quote } from '../../ui/Quote';
import { ElementList } from './ElementList';

/** Title, document, the layout formula and summary in the plan's words, targets and indicators. */
export function PlanOverview() {
  const t = useStrings();
  const lang = useAtlasStore((s) => s.lang);
  const planId = useAtlasStore((s) => s.planId);
  const bundle = usePlan(planId);
  const entry = usePlanEntry(planId);

  if (bundle.status === 'error') {
    // What the catalogue knows still shows; the layer itself can be tried again.
    return (
      <div className="panel-body overview">
        {entry && (
          <h2 className="panel-title" lang="zh-CN">
            {entry.title}
          </h2>
        )}
        {entry?.formula && (
          <p className="formula" lang="zh-CN">
            {entry.formula}
          </p>
        )}
        <div className="notice notice--error" role="alert">
          <p>{t.planUnavailable}</p>
          <p className="notice-reason">{bundle.error}</p>
          <button type="button" className="btn" onClick={() => void planResource.retry(planId).catch(() => undefined)}>
            {t.notices.retry}
          </button>
        </div>
      </div>
    );
  }
  if (bundle.status !== 'ready') return <PanelLoading label={t.loading} />;
  const plan = bundle.data.meta;
  // Each count shows the colours its elements have on the map (projects: their categories').
  const colorsOf = (role: Role): string[] => {
    const main = bundle.data.features.filter((f) => f.properties.role === role && f.properties.part !== 'linked');
    const list =
      role === 'project'
        ? main.map((f) => categoryColors[f.properties.category ?? 'other'])
        : main.map((f) => bundle.data.colors.get(f.properties.id) ?? plan.color);
    return [...new Set(list)].slice(0, 8);
  };
  return (
    <div className="panel-body overview">
      <p className="eyebrow">
        {t.levelNames[plan.level]} · {plan.period}
      </p>
      <h2 className="panel-title" lang="zh-CN">
        {plan.title}
      </h2>
      {englishName({ nameEn: plan.titleEn }, lang) && <p className="title-en">{plan.titleEn}</p>}
      <dl className="facts">
        {plan.issuer && (
          <>
            <dt>{t.issued}</dt>
            <dd lang="zh-CN">
              {plan.issuer}
              {plan.date ? ` · ${plan.date}` : ''}
            </dd>
          </>
        )}
        {!plan.issuer && plan.date && (
          <>
            <dt>{t.issued}</dt>
            <dd>{plan.date}</dd>
          </>
        )}
        {plan.docNumber && (
          <>
            <dt>{t.docNumber}</dt>
            <dd lang="zh-CN">{plan.docNumber}</dd>
          </>
        )}
      </dl>
      <section aria-labelledby="ov-formula">
        <h3 id="ov-formula" className="section-title">
          {t.formula}
        </h3>
        {plan.formula ? (
          <p className="formula" lang="zh-CN">
            {plan.formula}
          </p>
        ) : (
          <p className="formula-none">{t.noFormula}</p>
        )}
        <ul className="counts">
          {roles
            .filter((r) => plan.counts[r])
            .map((r) => (
              <li key={r}>
                <span className="count-swatches" aria-hidden="true">
                  {colorsOf(r).map((c, i) => (
                    <span key={`${c}-${i}`} className="count-swatch" style={{ background: c }} />
                  ))}
                </span>
                {t.roleNames[r]} <strong>{plan.counts[r]}</strong>
              </li>
            ))}
        </ul>
        <Quote quote={plan.summary.quote} section={plan.summary.section} label={t.section} />
      </section>
      <ElementList plan={bundle.data} />
      {plan.targets.length > 0 && (
        <section aria-labelledby="ov-targets">
          <h3 id="ov-targets" className="section-title">
            {t.targets}
          </h3>
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
          <h3 id="ov-indicators" className="section-title">
            {t.indicators}
          </h3>
          <IndicatorTable plan={plan} labels={t} />
          {plan.indicatorsSource && (
            <p className="cite">
              {t.section} {plan.indicatorsSource.section}
            </p>
          )}
        </section>
      )}
      {plan.unplaced.length > 0 && (
        <details className="unplaced">
          <summary>
            {t.unplaced}（{plan.unplaced.length}）
          </summary>
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
