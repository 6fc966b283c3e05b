/**
 * A zone's or core's extent: counties (or whole prefectures) clicked on and off on the map, or added and removed
 * here from the keyboard. A schematic extent stays schematic: only the codes change.
 */
import { useEffect, useId } from 'react';
import type { BaseGeo } from '../../compiler/base-geo';
import { setAreas } from '../../compiler/edit/ops';
import { useAtlasStore } from '../../state/store';
import { RemovableItem } from './RemovableItem';
import { useSession } from './session';
import { useStudioStrings } from './strings';
import { useCompilerBase } from './use-base';

/** A code's name: 麒麟区, 曲靖市 … (the code itself when the base map has no such region). */
export function regionName(base: BaseGeo | undefined, code: string): string {
  return base?.countyByCode.get(code)?.properties.name ?? base?.prefectureName(code) ?? code;
}

/** Every county and prefecture of the base map, prefectures first, for the pickers. */
export function regionOptions(base: BaseGeo | undefined): { code: string; name: string }[] {
  if (!base) return [];
  const counties = base.counties.map((c) => ({ code: c.properties.code, name: c.properties.name }));
  const prefectures = [...new Set(counties.map((c) => `${c.code.slice(0, 4)}00`))].flatMap((code) => {
    const name = base.prefectureName(code);
    return name ? [{ code, name }] : [];
  });
  return [...prefectures, ...counties].sort((a, b) => a.code.localeCompare(b.code));
}

export function ExtentEditor({ target, codes, linked }: { target: string; codes: readonly string[]; linked?: readonly string[] | undefined }) {
  const t = useStudioStrings();
  const base = useCompilerBase();
  const plan = useSession((s) => s.plan);
  const apply = useSession((s) => s.apply);
  const who = useSession((s) => s.who);
  const draft = useAtlasStore((s) => s.studioCodes);
  const tool = useAtlasStore((s) => s.studioTool);
  const setTool = useAtlasStore((s) => s.setStudioTool);
  const toggle = useAtlasStore((s) => s.toggleStudioCode);
  const id = useId();
  const key = codes.join();
  useEffect(() => {
    setTool('areas', { codes: key ? key.split(',') : [] });
    return () => setTool('none');
  }, [key, setTool]);
  if (!plan) return null;
  const chosen = tool === 'areas' ? draft : codes;
  const changed = chosen.join() !== codes.join();
  return (
    <div className="studio-fields">
      <h4 className="studio-label">{t.extent}</h4>
      <p className="studio-muted">{t.extentHint}</p>
      <ul className="studio-chips" aria-label={t.extentCodes}>
        {chosen.map((code) => (
          <RemovableItem key={code} removeLabel={t.removeRegion(regionName(base, code))} onRemove={() => toggle(code)}>
            {regionName(base, code)}
          </RemovableItem>
        ))}
      </ul>
      <label htmlFor={`${id}-add`}>{t.addRegion}</label>
      <select
        id={`${id}-add`}
        value=""
        onChange={(e) => {
          if (e.target.value && !chosen.includes(e.target.value)) toggle(e.target.value);
        }}
      >
        <option value="">—</option>
        {regionOptions(base).map((r) => (
          <option key={r.code} value={r.code} disabled={chosen.includes(r.code)}>
            {r.name} {r.code}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn btn--primary"
        disabled={!changed || !chosen.length}
        onClick={() => apply(setAreas(plan, target, [...chosen], linked ? [...linked] : undefined, who ? { who } : undefined))}
      >
        {t.applyExtent}
      </button>
    </div>
  );
}
