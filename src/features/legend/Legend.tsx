import { type ReactNode, useEffect, useState } from 'react';
import { useCatalogue, usePlan } from '../../data/hooks';
import { localName, localNameLang } from '../../i18n/languages';
import { useStrings } from '../../i18n/use-strings';
import { categoryColors } from '../../lib/presentation';
import { swatchFor } from '../../lib/role-look';
import { categories, type Category } from '../../lib/vocabulary';
import { isProjectsView } from '../../state/present-slice';
import { useAtlasStore } from '../../state/store';
import { Swatch } from '../../ui/Swatch';
import { colors } from '../../ui/tokens';

/**
 * Whether the legend starts open: only where the camera frames a plan clear of it, a map over 900 px wide
 * (`framePadding` in the map feature): beside the panel (28 % of the window) from a 1,250 px window, in an embed (no
 * panel; a box on someone else's page, often 800×500) from 1,100×700. On a phone or a tablet it would hide a third
 * of the map or more.
 */
export function startsOpen(embed: boolean, width: number, height: number): boolean {
  if (embed) return width >= 1100 && height >= 700;
  return width >= 1250;
}

/**
 * The plan's structure as its key: one entry per layout element in the map's own colour and shape, grouped by the
 * plan's own terms (一核 / 六区 / 四带 …), each selecting its element; a compact row of role toggles, project
 * categories and what the symbols mean. `children` go at its foot.
 */
export function Legend({ children }: { children?: ReactNode }) {
  const t = useStrings();
  const planId = useAtlasStore((s) => s.planId);
  const hiddenRoles = useAtlasStore((s) => s.hiddenRoles);
  const hiddenCategories = useAtlasStore((s) => s.hiddenCategories);
  const toggleRole = useAtlasStore((s) => s.toggleRole);
  const toggleCategory = useAtlasStore((s) => s.toggleCategory);
  const showContext = useAtlasStore((s) => s.showContextPlan);
  const setShowContext = useAtlasStore((s) => s.setShowContextPlan);
  const embed = useAtlasStore((s) => s.embed);
  const lang = useAtlasStore((s) => s.lang);
  const selectedId = useAtlasStore((s) => s.selectedId);
  const showFeature = useAtlasStore((s) => s.showFeature);
  const hover = useAtlasStore((s) => s.hover);
  const bundle = usePlan(planId);
  const catalogue = useCatalogue();
  const hasContext = catalogue.status === 'ready' && !!planId && catalogue.data.rootOf(planId) !== planId;
  const projectsView = useAtlasStore(isProjectsView);
  const [open, setOpen] = useState(() => typeof window === 'undefined' || startsOpen(embed, window.innerWidth, window.innerHeight));
  // Beside the project list the map needs its room: the legend folds, and opens again on request.
  useEffect(() => {
    if (projectsView) setOpen(false);
  }, [projectsView]);
  if (bundle.status !== 'ready') return null;
  const content = bundle.data.legend;
  const color = bundle.data.meta.color;

  const elements = bundle.data.features.filter((f) => f.properties.role !== 'project' && f.properties.part !== 'linked');
  const groups = [...new Set(elements.map((f) => f.properties.group ?? t.roleNames[f.properties.role]))];
  const catSwatch = (c: Category) => <Swatch shape="dot" color={categoryColors[c]} glyph={t.categoryGlyphs[c]} />;

  return (
    <section className={`legend${open ? ' legend--open' : ''}${embed ? ' legend--embed' : ''}`} aria-labelledby="legend-title">
      <h2 className="legend-title" id="legend-title">
        <button type="button" className="legend-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t.legend}{' '}
          <span aria-hidden="true" className="chevron">
            {open ? '▾' : '▸'}
          </span>
        </button>
      </h2>
      {open && (
        <div className="legend-body">
          {elements.length > 0 && (
            <div className="legend-elements" role="group" aria-label={t.legendElements}>
              {groups.map((group) => (
                <div key={group} className="legend-group">
                  <p className="legend-group-title" lang="zh-CN">
                    {group}
                  </p>
                  <ul className="legend-element-list">
                    {elements
                      .filter((f) => (f.properties.group ?? t.roleNames[f.properties.role]) === group)
                      .map((f) => {
                        const off = hiddenRoles.includes(f.properties.role);
                        return (
                          <li key={f.properties.id}>
                            <button
                              type="button"
                              className={`legend-element${off ? ' is-off' : ''}`}
                              data-focus-key={`legend:${f.properties.id}`}
                              aria-current={selectedId === f.properties.id ? 'true' : undefined}
                              onClick={() => showFeature({ plan: planId, id: f.properties.id })}
                              onMouseEnter={() => hover(f.properties.id)}
                              onMouseLeave={() => hover(null)}
                              onFocus={() => hover(f.properties.id)}
                              onBlur={() => hover(null)}
                            >
                              <Swatch shape={swatchFor(f.properties.role, f.geometry.type)} color={bundle.data.colors.get(f.properties.id) ?? color} />
                              <span lang={localNameLang(f.properties, lang)}>{localName(f.properties, lang)}</span>
                            </button>
                          </li>
                        );
                      })}
                  </ul>
                </div>
              ))}
            </div>
          )}
          {content.roles.length > 0 && (
            <fieldset className="legend-roles">
              <legend>{t.layers}</legend>
              {content.roles.map(({ role, count }) => (
                <label key={role} className={hiddenRoles.includes(role) ? 'is-off' : ''}>
                  <input type="checkbox" checked={!hiddenRoles.includes(role)} onChange={() => toggleRole(role)} />
                  {t.roleNames[role]} <span className="count">{count}</span>
                </label>
              ))}
            </fieldset>
          )}
          {content.categories.length > 0 && !hiddenRoles.includes('project') && (
            <fieldset>
              <legend>{t.allCategories}</legend>
              {categories
                .filter((c) => content.categories.some((x) => x.category === c))
                .map((c) => (
                  <label key={c} className={hiddenCategories.includes(c) ? 'is-off' : ''}>
                    <input type="checkbox" checked={!hiddenCategories.includes(c)} onChange={() => toggleCategory(c)} />
                    {catSwatch(c)} {t.categoryNames[c]} <span className="count">{content.categories.find((x) => x.category === c)?.count}</span>
                  </label>
                ))}
            </fieldset>
          )}
          <ul className="legend-keys">
            {content.linked && (
              <li>
                <Swatch shape="linked" color={color} />
                {t.linked}
              </li>
            )}
            {content.schematic && (
              <li>
                <Swatch shape="hatch" color={colors.ink2} />
                {t.schematic}
              </li>
            )}
            {content.approximate && (
              <li>
                <span className="swatch swatch--approx" aria-hidden="true" />
                {t.approx}
              </li>
            )}
            {content.categories.length > 0 && (
              <li>
                <span className="swatch swatch--cluster" aria-hidden="true">
                  3
                </span>
                {t.cluster}
              </li>
            )}
          </ul>
          {children}
          {hasContext && (
            <label className="context-toggle">
              <input type="checkbox" checked={showContext} onChange={(e) => setShowContext(e.target.checked)} /> {t.showContext}
            </label>
          )}
        </div>
      )}
    </section>
  );
}
