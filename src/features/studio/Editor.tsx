/**
 * The item being edited (the plan, an element, a project or an unplaced item), chosen from the plan's own list or
 * by clicking it on the map, with the editors its kind takes.
 */
import { useEffect, useId, useState } from 'react';
import { useAtlasStore } from '../../state/store';
import { AddItemForm } from './AddItemForm';
import { BeltEditor } from './BeltEditor';
import { ExtentEditor } from './ExtentEditor';
import { ParentEditor, RelatedEditor } from './LinksEditor';
import { LocationEditor } from './LocationEditor';
import { itemOf, type PlanView } from './plan-view';
import { useStudioStrings } from './strings';
import { TextFields } from './TextFields';
import { UnplacedEditor } from './UnplacedEditor';
import { useCompilerBase } from './use-base';

export function Editor({ view }: { view: PlanView }) {
  const t = useStudioStrings();
  const base = useCompilerBase();
  const [key, setKey] = useState('plan');
  const selected = useAtlasStore((s) => s.selectedId);
  const showFeature = useAtlasStore((s) => s.showFeature);
  const id = useId();
  // A feature clicked on the map (with no tool on) becomes the item edited here.
  useEffect(() => {
    const prefix = `${view.id}-`;
    if (selected?.startsWith(prefix) && itemOf(view, selected.slice(prefix.length))) setKey(selected.slice(prefix.length));
  }, [selected, view]);
  const item = itemOf(view, key) ?? { kind: 'plan' as const };
  const choose = (next: string) => {
    setKey(next);
    // The map shows and frames what is chosen (the plan itself for the plan and its unplaced items).
    showFeature({ plan: view.id, id: next === 'plan' || next.startsWith('unplaced:') ? null : `${view.id}-${next}` });
  };

  const pointOf = (placeId: string | undefined, county: string) => {
    const place = placeId ? view.places.get(placeId) : undefined;
    if (place) return { lon: place.lon, lat: place.lat, precision: place.precision, source: place.source };
    const seat = base?.countyLabel.get(county)?.geometry.coordinates;
    return seat ? { lon: seat[0] as number, lat: seat[1] as number, precision: 'county' as const } : undefined;
  };

  return (
    <section className="studio-editor" aria-labelledby={`${id}-title`}>
      <h3 className="studio-h" id={`${id}-title`}>
        {t.editing}
      </h3>
      <label className="visually-hidden" htmlFor={`${id}-item`}>
        {t.item}
      </label>
      <select id={`${id}-item`} className="studio-item" value={key} onChange={(e) => choose(e.target.value)}>
        <option value="plan">{t.thePlan(view.title)}</option>
        <optgroup label={t.elements}>
          {view.elements.map((e) => (
            <option key={e.id} value={e.id}>
              {e.group} · {e.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={t.projects}>
          {view.projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={t.unplaced}>
          {view.unplaced.map((u, i) => (
            <option key={i} value={`unplaced:${i}`}>
              {u.name}
            </option>
          ))}
        </optgroup>
      </select>
      <AddItemForm view={view} onAdded={choose} />

      {item.kind === 'plan' && (
        <>
          <ParentEditor planId={view.id} parent={view.parent} />
          <TextFields target="plan" source={view.summary} sourceField="summary" />
          {view.formulaSource && <TextFields target="plan" source={view.formulaSource} sourceField="formulaSource" />}
        </>
      )}
      {item.kind === 'element' && (
        <>
          {item.element.geometry.type === 'point' &&
            (() => {
              const place = view.places.get(item.element.geometry.place);
              const current = place && pointOf(place.id, place.county);
              return current && place ? (
                <LocationEditor key={item.element.id} target={item.element.id} county={place.county} current={current} canUnplace={false} />
              ) : null;
            })()}
          {item.element.geometry.type === 'areas' && (
            <ExtentEditor key={item.element.id} target={item.element.id} codes={item.element.geometry.codes} linked={item.element.geometry.linked} />
          )}
          {item.element.role === 'belt' && (
            <BeltEditor key={item.element.id} target={item.element.id} name={item.element.name} geometry={item.element.geometry} region={view.region?.code} />
          )}
          <TextFields
            target={item.element.id}
            source={item.element.source}
            lists={[
              { field: 'functions', items: item.element.functions },
              { field: 'projects', items: item.element.projects },
            ]}
          />
          <RelatedEditor target={item.element.id} related={item.element.related ?? []} />
        </>
      )}
      {item.kind === 'project' &&
        (() => {
          const current = pointOf(item.project.place, item.project.county);
          return (
            <>
              {current && <LocationEditor key={item.project.id} target={item.project.id} county={item.project.county} current={current} canUnplace />}
              <TextFields target={item.project.id} source={item.project.source} lists={[{ field: 'functions', items: item.project.functions }]} />
            </>
          );
        })()}
      {item.kind === 'unplaced' && (
        <>
          <UnplacedEditor key={item.index} index={item.index} entry={item.entry} region={view.region?.code} onPlaced={choose} />
          <TextFields target={`unplaced:${item.index}`} source={item.entry.source} />
        </>
      )}
    </section>
  );
}
