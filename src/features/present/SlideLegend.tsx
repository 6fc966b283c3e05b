import type { ResolvedChapter } from '../../data/chapters';
import type { PlanBundle } from '../../data/plans';
import { localName, type Lang, type UiStrings } from '../../i18n/languages';
import { categoryColors } from '../../lib/presentation';
import { swatchFor } from '../../lib/role-look';
import { categories } from '../../lib/vocabulary';
import { Swatch } from '../../ui/Swatch';
import { colors } from '../../ui/tokens';

/**
 * A compact key to what the slide shows, in the map's own colours and shapes. `data-slide-legend`: the map's camera
 * measures it, so that a slide's frame keeps clear of it.
 */
export function SlideLegend({
  plan,
  chapter,
  focus,
  t,
  lang,
}: {
  plan: PlanBundle;
  chapter: ResolvedChapter;
  focus: readonly string[];
  t: UiStrings;
  lang: Lang;
}) {
  const shown = focus.length ? plan.features.filter((f) => focus.includes(f.properties.id)) : plan.features.filter((f) => f.properties.part !== 'linked');
  const elements = shown.filter((f) => f.properties.role !== 'project' && f.properties.part !== 'linked');
  const projects = shown.filter((f) => f.properties.role === 'project');
  const cats = categories.filter((c) => projects.some((p) => (p.properties.category ?? 'other') === c));
  const schematic = shown.some((f) => f.properties.precision === 'schematic' && f.properties.role !== 'project');
  const approximate = projects.some((f) => f.properties.precision !== 'exact');
  return (
    <section className={`slide-legend${chapter.indicators ? ' slide-legend--plan' : ''}`} aria-label={t.legend} data-slide-legend="">
      <ul>
        {elements.slice(0, 10).map((f) => (
          <li key={f.properties.id}>
            <Swatch shape={swatchFor(f.properties.role, f.geometry.type)} color={plan.colors.get(f.properties.id) ?? plan.meta.color} />
            <span lang="zh-CN">{localName(f.properties, lang)}</span>
          </li>
        ))}
        {cats.map((c) => (
          <li key={c}>
            <Swatch shape="dot" color={categoryColors[c]} glyph={t.categoryGlyphs[c]} />
            {t.categoryNames[c]}
            <span className="count">{projects.filter((p) => (p.properties.category ?? 'other') === c).length}</span>
          </li>
        ))}
        {schematic && (
          <li>
            <Swatch shape="hatch" color={colors.ink2} />
            {t.schematicShort}
          </li>
        )}
        {approximate && (
          <li className="slide-legend-note">
            <Swatch shape="ring" color={colors.ink2} />
            {t.approx}
          </li>
        )}
      </ul>
    </section>
  );
}
