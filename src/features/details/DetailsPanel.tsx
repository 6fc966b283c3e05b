import { useEffect, useRef } from 'react';
import { usePlan } from '../../data/hooks';
import { englishName, localName } from '../../i18n/languages';
import { useStrings } from '../../i18n/use-strings';
import type { AtlasFeature } from '../../lib/atlas-data';
import { formatInvestment } from '../../i18n/format-investment';
import { categoryColors } from '../../lib/presentation';
import { swatchFor } from '../../lib/role-look';
import { useAtlasStore } from '../../state/store';
import { PanelLoading } from '../../ui/PanelLoading';
import { Quote } from '../../ui/Quote';
import { Swatch } from '../../ui/Swatch';
import { RelatedPlans } from './RelatedPlans';
import { matchProjects } from './match-projects';
import { isAreaPrecision } from '../../lib/vocabulary';

/** What the plan says about the selected core, zone, belt, node or project, with the sentence it comes from. */
export function DetailsPanel() {
  const t = useStrings();
  const lang = useAtlasStore((s) => s.lang);
  const planId = useAtlasStore((s) => s.planId);
  const selectedId = useAtlasStore((s) => s.selectedId);
  const select = useAtlasStore((s) => s.select);
  const showFeature = useAtlasStore((s) => s.showFeature);
  const bundle = usePlan(planId);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) select(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [select]);

  const missing = bundle.status === 'ready' && !bundle.data.byId.has(selectedId ?? '');
  useEffect(() => {
    // A link to a feature this plan does not have falls back to the plan overview.
    if (missing) select(null);
  }, [missing, select]);

  const heading = useRef<HTMLHeadingElement>(null);
  const ready = bundle.status === 'ready' && !missing;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new selection is a reason to re-check focus
  useEffect(() => {
    // The button that opened these details may have just left the page (the overview's list): keep keyboard users here.
    if (ready && (document.activeElement === document.body || document.activeElement === null)) heading.current?.focus({ preventScroll: true });
  }, [ready, selectedId]);

  if (bundle.status === 'error')
    return (
      <div className="panel-body">
        <p className="notice notice--error">{t.planUnavailable}</p>
      </div>
    );
  if (bundle.status !== 'ready') return <PanelLoading label={t.loading} />;
  const feature = bundle.data.byId.get(selectedId ?? '');
  if (!feature) return null;
  const p = feature.properties;
  const all = bundle.data.features;
  const parent = p.element ? bundle.data.byId.get(p.element) : undefined;
  const members = all.filter((f) => f.properties.role === 'project' && f.properties.element === p.id);
  const named = matchProjects(p.projects, all);
  const show = (f: AtlasFeature) => showFeature({ plan: f.properties.plan, id: f.properties.id });
  const name = (f: AtlasFeature) => localName(f.properties, lang);
  /** A feature in a list of the details: its name, a button that selects it and flies there. */
  const featureItem = (f: AtlasFeature) => (
    <li key={f.properties.id}>
      <button type="button" className="link" onClick={() => show(f)} title={t.flyTo}>
        {name(f)}
      </button>
    </li>
  );
  const place = p.role === 'project' ? t.categoryNames[p.category ?? 'other'] : (p.group ?? t.roleNames[p.role]);
  const category = p.category ?? 'other';
  // Projects placed at the same point (usually a county seat): listed, never fanned out, so the precision stays honest.
  const at = feature.geometry.type === 'Point' ? feature.geometry.coordinates.join(',') : '';
  const samePlace =
    p.role === 'project' && at
      ? all.filter((f) => f !== feature && f.properties.role === 'project' && f.geometry.type === 'Point' && f.geometry.coordinates.join(',') === at)
      : [];

  return (
    <div className="panel-body details" aria-live="polite">
      <div className="details-head">
        <p className="eyebrow">
          {p.role === 'project' ? (
            <span className="cat-chip" style={{ background: categoryColors[category] }} aria-hidden="true">
              {t.categoryGlyphs[category]}
            </span>
          ) : (
            <Swatch shape={swatchFor(p.role, feature.geometry.type)} color={bundle.data.colors.get(p.id) ?? bundle.data.meta.color} />
          )}
          <span lang={p.role === 'project' ? undefined : 'zh-CN'}>{place}</span>
        </p>
        <button type="button" className="btn btn--icon close" onClick={() => select(null)} aria-label={t.close} title={`${t.close} (Esc)`}>
          ×
        </button>
      </div>
      <h2 className="panel-title" ref={heading} tabIndex={-1} lang="zh-CN">
        {p.name}
      </h2>
      {englishName(p, lang) && <p className="title-en">{p.nameEn}</p>}
      <p className="layout-place">
        <span className="muted">{t.inLayout}</span>{' '}
        <span lang="zh-CN">
          {p.role === 'project'
            ? parent
              ? `${parent.properties.group ?? ''} · ${parent.properties.name}`
              : t.roleNames.project
            : `${p.group ?? ''} · ${p.name}`}
        </span>
      </p>
      {p.role === 'project' && isAreaPrecision(p.precision) && (
        // The point stands for the county: said first, before anyone reads the marker as a site.
        <p className={`approx-note approx-note--${p.precision}`}>
          <strong>{t.precisionNames[p.precision]}</strong> <span className="muted">{t.approxWhy[p.precision]}</span>
        </p>
      )}

      {p.functions.length > 0 && (
        <section>
          <h3 className="section-title">{t.functions}</h3>
          <ul className="phrases" lang="zh-CN">
            {p.functions.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </section>
      )}
      {(named.length > 0 || members.length > 0) && (
        <section>
          <h3 className="section-title">{t.projects}</h3>
          <ul className="phrases" lang="zh-CN">
            {named.map(({ phrase, feature: f }) => (
              <li key={phrase}>
                {f ? (
                  <button type="button" className="link" onClick={() => show(f)} title={t.flyTo}>
                    {phrase}
                  </button>
                ) : (
                  phrase
                )}
              </li>
            ))}
            {members.filter((m) => !named.some((n) => n.feature === m)).map(featureItem)}
          </ul>
        </section>
      )}
      {p.investment && (
        <p className="investment">
          <span className="muted">{t.investment}</span> <strong>{formatInvestment(p.investment, lang)}</strong>
        </p>
      )}
      <dl className="facts">
        <dt>{t.county}</dt>
        <dd lang="zh-CN">{p.county}</dd>
        {p.place && (
          <>
            <dt>{t.location}</dt>
            <dd lang="zh-CN">{p.place}</dd>
          </>
        )}
        {p.placeSource && (
          <>
            <dt>{t.placeSource}</dt>
            <dd lang="zh-CN">{p.placeSource}</dd>
          </>
        )}
        <dt>{t.precision}</dt>
        <dd>
          <span className={`precision precision--${p.precision}`}>{t.precisionNames[p.precision]}</span>
        </dd>
      </dl>
      {samePlace.length > 0 && (
        <section className="same-place" aria-label={t.browser.samePlace(samePlace.length)}>
          <h3 className="section-title">{t.browser.samePlace(samePlace.length)}</h3>
          <p className="muted same-place-hint">
            {t.browser.placeTitle(samePlace.length + 1, p.precision === 'exact' ? '' : p.county)}
            {p.precision === 'exact' ? '' : ` · ${t.browser.placeApprox}`}
          </p>
          <ul className="phrases" lang="zh-CN">
            {samePlace.map(featureItem)}
          </ul>
        </section>
      )}
      {p.note && (
        <p className="notice" lang="zh-CN">
          {p.note}
        </p>
      )}
      <Quote quote={p.source.quote} section={p.source.section} label={t.section} />
      <RelatedPlans feature={feature} parentFeature={parent} />
    </div>
  );
}
