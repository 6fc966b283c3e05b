/**
 * A belt: along a river of the base map (clipped to the areas it runs through), or through waypoints clicked on
 * the map in order. Waypoints become schematic places of the plan (their county found from the point), so the
 * belt stays marked schematic and every coordinate says where it came from.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { addPlace, freePlaceId, setCorridor, setRiver } from '../../compiler/edit/ops';
import { countyAt } from '../../compiler/edit/point-check';
import type { GeometrySpec } from '../../lib/plan-schema';
import { useAtlasStore } from '../../state/store';
import { ChoiceSelect } from '../../ui/ChoiceSelect';
import { regionName } from './ExtentEditor';
import { RemovableItem } from './RemovableItem';
import { useSession } from './session';
import { useStudioStrings } from './strings';
import { useCompilerBase } from './use-base';

export function BeltEditor({ target, name, geometry, region }: { target: string; name: string; geometry: GeometrySpec; region?: string | undefined }) {
  const t = useStudioStrings();
  const base = useCompilerBase();
  const plan = useSession((s) => s.plan);
  const apply = useSession((s) => s.apply);
  const who = useSession((s) => s.who);
  const waypoints = useAtlasStore((s) => s.studioWaypoints);
  const setTool = useAtlasStore((s) => s.setStudioTool);
  const setWaypoints = useAtlasStore((s) => s.setStudioWaypoints);
  const [river, setRiverName] = useState(geometry.type === 'river' ? geometry.river : '');
  const [problem, setProblem] = useState('');
  const id = useId();
  const rivers = useMemo(() => [...new Set(base?.rivers.map((r) => r.properties.name).filter(Boolean) ?? [])].sort(), [base]);
  useEffect(() => {
    setTool('waypoints', { waypoints: [] });
    return () => setTool('none');
  }, [setTool]);
  if (!plan) return null;
  const extra = who ? { who } : undefined;
  const within = 'within' in geometry ? geometry.within : region ? [region] : [];

  const applyWaypoints = () => {
    if (!base) return;
    const counties = waypoints.map(([lon, lat]) => countyAt(base, lon, lat));
    const outside = counties.findIndex((c) => !c);
    if (outside >= 0) return setProblem(t.waypointOutside(outside + 1));
    setProblem('');
    // Each waypoint is its own change (undo takes them back one by one); the belt then runs through them.
    const session = useSession.getState();
    const ids: string[] = [];
    for (const [i, [lon, lat]] of waypoints.entries()) {
      const current = useSession.getState().plan;
      if (!current) return;
      const placeId = freePlaceId(current, `${target}-waypoint-${i + 1}`);
      const county = counties[i] as string;
      const ok = session.apply(
        addPlace(
          current,
          { id: placeId, name: t.waypointName(regionName(base, county), name, i + 1), lon, lat, precision: 'schematic', county, source: t.waypointSource },
          extra,
        ),
      );
      if (!ok) return;
      ids.push(placeId);
    }
    const current = useSession.getState().plan;
    if (current && apply(setCorridor(current, target, [ids], extra))) setWaypoints([]);
  };

  return (
    <div className="studio-fields">
      <h4 className="studio-label">{t.belt}</h4>
      <div className="studio-grid">
        <label htmlFor={`${id}-river`}>{t.river}</label>
        <ChoiceSelect id={`${id}-river`} value={river} onChange={setRiverName} choices={rivers.map((r) => ({ value: r, label: r }))} empty="—" />
      </div>
      <button
        type="button"
        className="btn"
        disabled={!river || !within.length || (geometry.type === 'river' && geometry.river === river)}
        onClick={() => apply(setRiver(plan, target, river, [...within], extra))}
      >
        {t.applyRiver}
      </button>
      <p className="studio-muted">{t.waypointsHint}</p>
      <ol className="studio-list" aria-label={t.waypoints}>
        {waypoints.map(([lon, lat], i) => (
          <RemovableItem key={`${lon},${lat}`} removeLabel={t.removeWaypoint(i + 1)} onRemove={() => setWaypoints(waypoints.filter((_, j) => j !== i))}>
            {lon.toFixed(4)}, {lat.toFixed(4)}
          </RemovableItem>
        ))}
      </ol>
      {problem && (
        <p className="studio-refusal" role="alert">
          {problem}
        </p>
      )}
      <button type="button" className="btn btn--primary" disabled={waypoints.length < 2 || !base} onClick={applyWaypoints}>
        {t.applyWaypoints}
      </button>
    </div>
  );
}
