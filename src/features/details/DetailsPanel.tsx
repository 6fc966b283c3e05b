import { useEffect, useRef } from 'react';
import type { AtlasFeature } from '../../lib/atlas-data';
import { categoryNames, precisionNames, roleNames } from '../../lib/i18n';
import { categoryStyle } from '../../lib/presentation';
import { useAtlasStore } from '../../state/store';
import { Quote } from '../../ui/Quote';
import { useStrings } from '../../ui/use-strings';
import { usePlanLayer } from '../plans/plan-data';
import { RelatedPlans } from './RelatedPlans';
import { formatInvestment } from './format-investment';
import { matchProjects } from './match-projects';

/** What the plan says about the selected core, zone, belt, node or project, with the sentence it comes from. */
export function DetailsPanel() {
  const t = useStrings();
  const lang = useAtlasStore((s) => s.lang);
  const planId = useAtlasStore((s) => s.planId);
  const selectedId = useAtlasStore((s) => s.selectedId);
  const select = useAtlasStore((s) => s.select);
  const moveCamera = useAtlasStore((s) => s.moveCamera);
  const layer = usePlanLayer(planId);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) select(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [select]);

  const missing = layer.status === 'ready' && !layer.data.features.some((f) => f.properties.id === selectedId);
  useEffect(() => {
    // A link to a feature this plan does not have falls back to the plan overview.
    if (missing) select(null);
  }, [missing, select]);

  const heading = useRef<HTMLHeadingElement>(null);
  const ready = layer.status === 'ready' && !missing;
  useEffect(() => {
    // The button that opened these details may have just left the page (the overview's list): keep keyboard users here.
    if (ready && (document.activeElement === document.body || document.activeElement === null)) heading.current?.focus({ preventScroll: true });
  }, [ready, selectedId]);

  if (layer.status !== 'ready') return <div className="panel-body"><p className="muted" aria-busy="true">{t.loading}</p></div>;
  const feature = layer.data.features.find((f) => f.properties.id === selectedId);
  if (!feature) return null;
  const p = feature.properties;
  const all = layer.data.features;
  const parent = p.element ? all.find((f) => f.properties.id === p.element) : undefined;
  const members = all.filter((f) => f.properties.role === 'project' && f.properties.element === p.id);
  const named = matchProjects(p.projects, all);
  const show = (f: AtlasFeature) => {
    select(f.properties.id);
    moveCamera({ kind: 'feature', id: f.properties.id });
  };
  const name = (f: AtlasFeature) => (lang === 'en' && f.properties.nameEn ? f.properties.nameEn : f.properties.name);
  const place = p.role === 'project' ? `${categoryNames[lang][p.category ?? 'other']}` : `${p.group ?? roleNames[lang][p.role]}`;

  return (
    <div className="panel-body details" aria-live="polite">
      <div className="details-head">
        <p className="eyebrow">
          {p.role === 'project'
            ? <span className="cat-chip" style={{ background: categoryStyle[p.category ?? 'other'].color }}>{lang === 'en' ? categoryStyle[p.category ?? 'other'].glyphEn : categoryStyle[p.category ?? 'other'].glyph}</span>
            : <span className={`role-dot role-dot--${p.role}`} aria-hidden="true" />}
          <span lang={p.role === 'project' ? undefined : 'zh-CN'}>{place}</span>
        </p>
        <button type="button" className="btn btn--icon close" onClick={() => select(null)} aria-label={t.close} title={`${t.close} (Esc)`}>×</button>
      </div>
      <h2 className="panel-title" ref={heading} tabIndex={-1} lang="zh-CN">{p.name}</h2>
      {lang === 'en' && p.nameEn && <p className="title-en">{p.nameEn}</p>}
      <p className="layout-place"><span className="muted">{t.inLayout}</span> <span lang="zh-CN">{p.role === 'project' ? (parent ? `${parent.properties.group ?? ''} · ${parent.properties.name}` : roleNames[lang].project) : `${p.group ?? ''} · ${p.name}`}</span></p>

      {p.functions.length > 0 && (
        <section>
          <h3 className="section-title">{t.functions}</h3>
          <ul className="phrases" lang="zh-CN">{p.functions.map((f) => <li key={f}>{f}</li>)}</ul>
        </section>
      )}
      {(named.length > 0 || members.length > 0) && (
        <section>
          <h3 className="section-title">{t.projects}</h3>
          <ul className="phrases" lang="zh-CN">
            {named.map(({ phrase, feature: f }) => (
              <li key={phrase}>{f ? <button type="button" className="link" onClick={() => show(f)} title={t.flyTo}>{phrase}</button> : phrase}</li>
            ))}
            {members.filter((m) => !named.some((n) => n.feature === m)).map((m) => (
              <li key={m.properties.id}><button type="button" className="link" onClick={() => show(m)} title={t.flyTo}>{name(m)}</button></li>
            ))}
          </ul>
        </section>
      )}
      {p.investment && (
        <p className="investment"><span className="muted">{t.investment}</span> <strong>{formatInvestment(p.investment, lang)}</strong></p>
      )}
      <dl className="facts">
        <dt>{t.county}</dt>
        <dd lang="zh-CN">{p.county}</dd>
        {p.place && (<><dt>{t.location}</dt><dd lang="zh-CN">{p.place}</dd></>)}
        <dt>{t.precision}</dt>
        <dd><span className={`precision precision--${p.precision}`}>{precisionNames[lang][p.precision]}</span></dd>
      </dl>
      {p.note && <p className="notice" lang="zh-CN">{p.note}</p>}
      <Quote quote={p.source.quote} section={p.source.section} label={t.section} />
      <RelatedPlans feature={feature} parentFeature={parent} />
    </div>
  );
}
