import type { PlanBundle } from '../../data/plans';
import { localName, localNameLang } from '../../i18n/languages';
import { useStrings } from '../../i18n/use-strings';
import { swatchFor } from '../../lib/role-look';
import { useAtlasStore } from '../../state/store';
import { Swatch } from '../../ui/Swatch';

/**
 * The plan's cores, zones, belts and nodes as buttons, grouped by the plan's own layout terms, each in its
 * colour on the map: the keyboard and screen-reader way to what a mouse finds on the map.
 */
export function ElementList({ plan }: { plan: PlanBundle }) {
  const t = useStrings();
  const lang = useAtlasStore((s) => s.lang);
  const showFeature = useAtlasStore((s) => s.showFeature);
  const hover = useAtlasStore((s) => s.hover);
  const elements = plan.features.filter((f) => f.properties.role !== 'project' && f.properties.part !== 'linked');
  if (!elements.length) return null;
  const groups = [...new Set(elements.map((f) => f.properties.group ?? ''))];
  return (
    <section aria-labelledby="ov-elements">
      <h3 id="ov-elements" className="section-title">
        {t.elements}
      </h3>
      {groups.map((group) => (
        <div key={group} className="element-group">
          <p className="element-group-title" lang="zh-CN">
            {group}
          </p>
          <ul className="element-list">
            {elements
              .filter((f) => (f.properties.group ?? '') === group)
              .map((f) => (
                <li key={f.properties.id}>
                  <button
                    type="button"
                    className="element-button"
                    data-focus-key={`element:${f.properties.id}`}
                    onClick={() => showFeature({ plan: plan.meta.id, id: f.properties.id })}
                    onMouseEnter={() => hover(f.properties.id)}
                    onMouseLeave={() => hover(null)}
                    onFocus={() => hover(f.properties.id)}
                    onBlur={() => hover(null)}
                  >
                    <Swatch shape={swatchFor(f.properties.role, f.geometry.type)} color={plan.colors.get(f.properties.id) ?? plan.meta.color} />
                    <span lang={localNameLang(f.properties, lang)}>{localName(f.properties, lang)}</span>
                    {f.properties.precision === 'schematic' && <span className="tag">{t.schematicShort}</span>}
                  </button>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
