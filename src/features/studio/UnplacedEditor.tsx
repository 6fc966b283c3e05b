/**
 * An item the plan names without a place: it becomes a located project (at its county's seat, precision county,
 * until its point is given), keeping its name and quote from the plan.
 */
import { useId, useState } from 'react';
import { placeUnplaced } from '../../compiler/edit/ops';
import { type Category, slugPattern } from '../../lib/vocabulary';
import { CategorySelect } from './CategorySelect';
import type { Unplaced } from './plan-view';
import { countiesIn, RegionSelect } from './RegionSelect';
import { useSession } from './session';
import { useStudioStrings } from './strings';
import { useCompilerBase } from './use-base';

const slugOk = (id: string) => slugPattern.test(id);

export function UnplacedEditor({
  index,
  entry,
  region,
  onPlaced,
}: {
  index: number;
  entry: Unplaced;
  region?: string | undefined;
  onPlaced: (id: string) => void;
}) {
  const t = useStudioStrings();
  const base = useCompilerBase();
  const plan = useSession((s) => s.plan);
  const apply = useSession((s) => s.apply);
  const who = useSession((s) => s.who);
  const [projectId, setProjectId] = useState(`item-${index + 1}`);
  const [county, setCounty] = useState('');
  const [category, setCategory] = useState<Category>((entry.category as Category | undefined) ?? 'other');
  const id = useId();
  if (!plan) return null;
  const counties = countiesIn(base, region);
  return (
    <div className="studio-fields">
      <h4 className="studio-label">{t.unplacedItem}</h4>
      <p lang="zh-CN">{entry.name}</p>
      {entry.reason && (
        <p className="studio-muted">
          {t.reason}: {entry.reason}
        </p>
      )}
      <div className="studio-grid">
        <label htmlFor={`${id}-id`}>{t.newId}</label>
        <input id={`${id}-id`} type="text" value={projectId} onChange={(e) => setProjectId(e.target.value.trim())} aria-invalid={!slugOk(projectId)} />
        <label htmlFor={`${id}-county`}>{t.county}</label>
        <RegionSelect id={`${id}-county`} value={county} onChange={setCounty} options={counties} />
        <label htmlFor={`${id}-category`}>{t.category}</label>
        <CategorySelect id={`${id}-category`} value={category} onChange={setCategory} />
      </div>
      {!slugOk(projectId) && <p className="studio-refusal">{t.idRule}</p>}
      <button
        type="button"
        className="btn btn--primary"
        disabled={!county || !slugOk(projectId)}
        onClick={() => {
          if (apply(placeUnplaced(plan, index, { id: projectId, county, category }, who ? { who } : undefined))) onPlaced(projectId);
        }}
      >
        {t.place}
      </button>
    </div>
  );
}
