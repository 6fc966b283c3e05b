import type { AtlasFeature } from '../../lib/atlas-data';
import { useAtlasStore } from '../../state/store';
import { useStrings } from '../../ui/use-strings';

/**
 * The plan's cores, zones, belts and nodes as buttons, grouped by the plan's own layout terms:
 * the keyboard and screen-reader way to what a mouse finds on the map.
 */
export function ElementList({ features }: { features: AtlasFeature[] }) {
  const t = useStrings();
  const lang = useAtlasStore((s) => s.lang);
  const select = useAtlasStore((s) => s.select);
  const hover = useAtlasStore((s) => s.hover);
  const moveCamera = useAtlasStore((s) => s.moveCamera);
  const elements = features.filter((f) => f.properties.role !== 'project' && f.properties.part !== 'linked');
  if (!elements.length) return null;
  const groups = [...new Set(elements.map((f) => f.properties.group ?? ''))];
  return (
    <section aria-labelledby="ov-elements">
      <h3 id="ov-elements" className="section-title">{t.elements}</h3>
      {groups.map((group) => (
        <div key={group} className="element-group">
          <p className="element-group-title" lang="zh-CN">{group}</p>
          <ul className="element-list">
            {elements.filter((f) => (f.properties.group ?? '') === group).map((f) => (
              <li key={f.properties.id}>
                <button
                  type="button"
                  className="element-button"
                  onClick={() => {
                    select(f.properties.id);
                    moveCamera({ kind: 'feature', id: f.properties.id });
                  }}
                  onMouseEnter={() => hover(f.properties.id)}
                  onMouseLeave={() => hover(null)}
                  onFocus={() => hover(f.properties.id)}
                  onBlur={() => hover(null)}
                >
                  <span className={`role-dot role-dot--${f.properties.role}`} aria-hidden="true" />
                  <span lang="zh-CN">{lang === 'en' && f.properties.nameEn ? f.properties.nameEn : f.properties.name}</span>
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
