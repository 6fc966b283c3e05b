import { type ReactNode, useEffect, useState } from 'react';
import { useCatalogue, usePlan } from '../../data/hooks';
import { useStrings } from '../../i18n/use-strings';
import { categoryColors } from '../../lib/presentation';
import { roleLook } from '../../lib/role-look';
import { categories, type Category, type Role } from '../../lib/vocabulary';
import { useAtlasStore } from '../../state/store';
import { Swatch } from '../../ui/Swatch';
import { colors } from '../../ui/tokens';

/** Explains what is on screen, and toggles layers by role and projects by category; `children` go at its foot. */
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
  const bundle = usePlan(planId);
  const catalogue = useCatalogue();
  const hasContext = catalogue.status === 'ready' && !!planId && catalogue.data.rootOf(planId) !== planId;
  const view = useAtlasStore((s) => s.view);
  const [open, setOpen] = useState(() => typeof window === 'undefined' || window.innerWidth >= 720);
  // Beside the project list the map needs its room: the legend folds, and opens again on request.
  useEffect(() => {
    if (view === 'projects') setOpen(false);
  }, [view]);
  if (bundle.status !== 'ready') return null;
  const content = bundle.data.legend;
  const color = bundle.data.meta.color;

  const roleSwatch = (role: Role) => <Swatch shape={roleLook[role].swatch} color={role === 'project' ? categoryColors.medical : color} />;
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
          {content.roles.length > 0 && (
            <fieldset>
              <legend>{t.roles}</legend>
              {content.roles.map(({ role, count }) => (
                <label key={role} className={hiddenRoles.includes(role) ? 'is-off' : ''}>
                  <input type="checkbox" checked={!hiddenRoles.includes(role)} onChange={() => toggleRole(role)} />
                  {roleSwatch(role)} {t.roleNames[role]} <span className="count">{count}</span>
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
