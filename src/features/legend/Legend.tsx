import { useEffect, useState } from 'react';
import { categories, type Category, type Role } from '../../lib/atlas-data';
import { categoryNames, roleNames } from '../../lib/i18n';
import { categoryStyle } from '../../lib/presentation';
import { useAtlasStore } from '../../state/store';
import { useStrings } from '../../ui/use-strings';
import { usePlanLayer } from '../plans/plan-data';
import { usePlanMeta } from '../plans/use-plan-meta';
import { BasemapSwitch } from '../basemap/BasemapSwitch';
import { legendContent } from './legend-content';

/** Explains what is on screen, and toggles layers by role and projects by category. */
export function Legend() {
  const t = useStrings();
  const lang = useAtlasStore((s) => s.lang);
  const planId = useAtlasStore((s) => s.planId);
  const hiddenRoles = useAtlasStore((s) => s.hiddenRoles);
  const hiddenCategories = useAtlasStore((s) => s.hiddenCategories);
  const toggleRole = useAtlasStore((s) => s.toggleRole);
  const toggleCategory = useAtlasStore((s) => s.toggleCategory);
  const showContext = useAtlasStore((s) => s.showContextPlan);
  const setShowContext = useAtlasStore((s) => s.setShowContextPlan);
  const embed = useAtlasStore((s) => s.embed);
  const layer = usePlanLayer(planId);
  const meta = usePlanMeta(planId);
  const view = useAtlasStore((s) => s.view);
  const [open, setOpen] = useState(() => typeof window === 'undefined' || window.innerWidth >= 720);
  // Beside the project list the map needs its room: the legend folds, and opens again on request.
  useEffect(() => {
    if (view === 'projects') setOpen(false);
  }, [view]);
  const content = legendContent(layer.status === 'ready' ? layer.data.features : []);
  const color = meta?.color ?? '#b23a48';

  const roleSwatch = (role: Role) => <span className={`swatch swatch--${role}`} style={{ ['--c' as string]: color }} aria-hidden="true" />;
  const catSwatch = (c: Category) => (
    <span className="swatch swatch--cat" style={{ background: categoryStyle[c].color }} aria-hidden="true">{lang === 'en' ? categoryStyle[c].glyphEn : categoryStyle[c].glyph}</span>
  );

  return (
    <section className={`legend${open ? ' legend--open' : ''}${embed ? ' legend--embed' : ''}`} aria-labelledby="legend-title">
      <h2 className="legend-title" id="legend-title">
        <button type="button" className="legend-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t.legend} <span aria-hidden="true" className="chevron">{open ? '▾' : '▸'}</span>
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
                  {roleSwatch(role)} {roleNames[lang][role]} <span className="count">{count}</span>
                </label>
              ))}
            </fieldset>
          )}
          {content.categories.length > 0 && !hiddenRoles.includes('project') && (
            <fieldset>
              <legend>{t.allCategories}</legend>
              {categories.filter((c) => content.categories.some((x) => x.category === c)).map((c) => (
                <label key={c} className={hiddenCategories.includes(c) ? 'is-off' : ''}>
                  <input type="checkbox" checked={!hiddenCategories.includes(c)} onChange={() => toggleCategory(c)} />
                  {catSwatch(c)} {categoryNames[lang][c]} <span className="count">{content.categories.find((x) => x.category === c)?.count}</span>
                </label>
              ))}
            </fieldset>
          )}
          <ul className="legend-keys">
            {content.linked && <li><span className="swatch swatch--linked" style={{ ['--c' as string]: color }} aria-hidden="true" />{t.linked}</li>}
            {content.schematic && <li><span className="swatch swatch--schematic" aria-hidden="true" />{t.schematic}</li>}
            {content.approximate && <li><span className="swatch swatch--approx" aria-hidden="true" />{t.approx}</li>}
            {content.categories.length > 0 && <li><span className="swatch swatch--cluster" aria-hidden="true">3</span>{t.cluster}</li>}
          </ul>
          <BasemapSwitch />
          {planId !== 'yunnan' && (
            <label className="context-toggle">
              <input type="checkbox" checked={showContext} onChange={(e) => setShowContext(e.target.checked)} /> {t.showContext}
            </label>
          )}
        </div>
      )}
    </section>
  );
}
