/**
 * A project's or node's point: drag the marker on the map (or click where it goes, or type the coordinates),
 * choose its precision and give its source; checked live against its county, as the validator will. A located
 * project can also go back to the unplaced list, with the reason.
 */
import { useEffect, useId, useState } from 'react';
import { movePoint, unplaceProject } from '../../compiler/edit/ops';
import { pointProblems, precisionsNeedingSource } from '../../compiler/edit/point-check';
import { precisions, type Precision } from '../../lib/vocabulary';
import { useAtlasStore } from '../../state/store';
import { useSession } from './session';
import { useStudioStrings } from './strings';
import { useCompilerBase } from './use-base';

interface Props {
  /** The project's or node's id. */
  target: string;
  /** Its county (GB/T 2260), which the point must fall in. */
  county: string;
  /** Where it is now: its place's point, or its county seat. */
  current: { lon: number; lat: number; precision: Precision; source?: string };
  /** A project can be sent back to the unplaced list; a node cannot. */
  canUnplace: boolean;
}

export function LocationEditor({ target, county, current, canUnplace }: Props) {
  const t = useStudioStrings();
  const base = useCompilerBase();
  const plan = useSession((s) => s.plan);
  const apply = useSession((s) => s.apply);
  const who = useSession((s) => s.who);
  const point = useAtlasStore((s) => s.studioPoint);
  const setTool = useAtlasStore((s) => s.setStudioTool);
  const setPoint = useAtlasStore((s) => s.setStudioPoint);
  const [precision, setPrecision] = useState<Precision>(current.precision);
  const [source, setSource] = useState(current.source ?? '');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [announced, setAnnounced] = useState('');
  const id = useId();

  // Choosing the item puts its point on the map, draggable; leaving it ends the tool.
  useEffect(() => {
    setTool('point', { point: [current.lon, current.lat] });
    setPrecision(current.precision);
    setSource(current.source ?? '');
    return () => setTool('none');
  }, [current.lon, current.lat, current.precision, current.source, setTool]);

  if (!plan) return null;
  const [lon, lat] = point ?? [current.lon, current.lat];
  const problems = pointProblems({ lon, lat, precision, ...(source.trim() ? { source: source.trim() } : {}) }, county, base);
  const moved = lon !== current.lon || lat !== current.lat || precision !== current.precision || source.trim() !== (current.source ?? '');
  const extra = { ...(note.trim() ? { note: note.trim() } : {}), ...(who ? { who } : {}) };
  // Arrow keys on the nudge button move the point (about 100 m; 1 km with Shift), and say where it is now.
  const nudge = (e: React.KeyboardEvent) => {
    const step = e.shiftKey ? 0.01 : 0.001;
    const by = ({ ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] } as Record<string, [number, number]>)[e.key];
    if (!by) return;
    e.preventDefault();
    const next: [number, number] = [Math.round((lon + by[0]) * 1e5) / 1e5, Math.round((lat + by[1]) * 1e5) / 1e5];
    setPoint(next);
    setAnnounced(t.nudged(next[0], next[1]));
  };
  const coordinate = (value: string, axis: 0 | 1) => {
    const n = Number(value);
    if (value.trim() && Number.isFinite(n)) setPoint(axis === 0 ? [n, lat] : [lon, n]);
  };

  return (
    <div className="studio-fields">
      <h4 className="studio-label">{t.location}</h4>
      <p className="studio-muted">{t.locationHint}</p>
      <div className="studio-grid">
        <label htmlFor={`${id}-lon`}>{t.lon}</label>
        <input id={`${id}-lon`} type="number" step="0.0001" min={97} max={107} value={lon} onChange={(e) => coordinate(e.target.value, 0)} />
        <label htmlFor={`${id}-lat`}>{t.lat}</label>
        <input id={`${id}-lat`} type="number" step="0.0001" min={21} max={30} value={lat} onChange={(e) => coordinate(e.target.value, 1)} />
        <label htmlFor={`${id}-precision`}>{t.precision}</label>
        <select id={`${id}-precision`} value={precision} onChange={(e) => setPrecision(e.target.value as Precision)}>
          {precisions.map((p) => (
            <option key={p} value={p}>
              {t.precisionNames[p]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-source`}>
          {t.pointSource}
          {precisionsNeedingSource.includes(precision) ? ` ${t.required}` : ''}
        </label>
        <input id={`${id}-source`} type="text" value={source} placeholder={t.pointSourceHint} onChange={(e) => setSource(e.target.value)} />
        <label htmlFor={`${id}-note`}>{t.note}</label>
        <input id={`${id}-note`} type="text" value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="button" className="btn" onKeyDown={nudge} aria-describedby={`${id}-nudge`}>
        <span aria-hidden="true">✥</span> {t.nudge}
      </button>
      <p id={`${id}-nudge`} className="studio-muted">
        {t.nudgeHint}
      </p>
      <p className="visually-hidden" role="status">
        {announced}
      </p>
      <div id={`${id}-check`} role="status" className={problems.length ? 'studio-refusal' : 'studio-ok'}>
        {problems.length ? problems.map((p) => <p key={p}>{p}</p>) : <p>{base ? t.pointOk : t.checking}</p>}
      </div>
      <button
        type="button"
        className="btn btn--primary"
        disabled={!moved || problems.length > 0 || !base}
        aria-describedby={`${id}-check`}
        onClick={() => apply(movePoint(plan, target, { lon, lat, precision, ...(source.trim() ? { source: source.trim() } : {}) }, extra))}
      >
        {t.applyLocation}
      </button>
      {canUnplace && (
        <div className="studio-unplace">
          <label htmlFor={`${id}-reason`}>{t.unplaceReason}</label>
          <input id={`${id}-reason`} type="text" value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="button" className="btn" disabled={!reason.trim()} onClick={() => apply(unplaceProject(plan, target, reason.trim(), extra))}>
            {t.unplace}
          </button>
        </div>
      )}
    </div>
  );
}
