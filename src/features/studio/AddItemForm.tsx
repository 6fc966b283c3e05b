/**
 * Adds a layout element or a project to the plan. Its name and its quote are the passage picked in the seed pane
 * (edit the quote afterwards to a longer passage if needed); an element starts as a schematic extent over the
 * plan's region, to be drawn next; a project starts at its county's seat.
 */
import { useId, useState } from 'react';
import { addElement, addProject } from '../../compiler/edit/ops';
import type { PlanElement, Project } from '../../lib/plan-schema';
import { elementRoles, slugPattern, type Category } from '../../lib/vocabulary';
import { CategorySelect } from './CategorySelect';
import type { PlanView } from './plan-view';
import { countiesIn, RegionSelect } from './RegionSelect';
import { useSeedPick } from './seed-pick';
import { useSession } from './session';
import { useStudioStrings } from './strings';
import { useCompilerBase } from './use-base';

const slugOk = (id: string) => slugPattern.test(id);

export function AddItemForm({ view, onAdded }: { view: PlanView; onAdded: (id: string) => void }) {
  const t = useStudioStrings();
  const base = useCompilerBase();
  const pick = useSeedPick((s) => s.pick);
  const plan = useSession((s) => s.plan);
  const apply = useSession((s) => s.apply);
  const who = useSession((s) => s.who);
  const [kind, setKind] = useState<'element' | 'project'>('element');
  const [id, setId] = useState('');
  const [role, setRole] = useState<PlanElement['role']>('zone');
  const [group, setGroup] = useState('');
  const [category, setCategory] = useState<Category>('medical');
  const [county, setCounty] = useState('');
  const uid = useId();
  if (!plan) return null;
  const region = view.region?.code ?? '530000';
  const counties = countiesIn(base, region);
  const groups = [...new Set(view.elements.map((e) => e.group))];
  const taken = view.elements.some((e) => e.id === id) || view.projects.some((p) => p.id === id);
  const ready = !!pick && slugOk(id) && !taken && (kind === 'element' ? !!(group || pick) : !!county);
  const extra = who ? { who } : undefined;

  const add = () => {
    if (!pick) return;
    const source = { section: pick.section, quote: pick.quote };
    const ok =
      kind === 'element'
        ? apply(
            addElement(
              plan,
              {
                id,
                role,
                name: pick.quote,
                group: group || pick.quote,
                geometry: { type: 'areas', codes: [region] },
                precision: 'schematic',
                functions: [],
                projects: [],
                source,
              },
              extra,
            ),
          )
        : apply(addProject(plan, { id, name: pick.quote, category, county, functions: [], source } satisfies Project, extra));
    if (ok) {
      onAdded(id);
      setId('');
    }
  };

  return (
    <details className="studio-add">
      <summary>{t.addItem}</summary>
      <p className="studio-muted">{pick ? t.addItemFromPick(pick.quote) : t.pickFirst}</p>
      <div className="studio-grid">
        <label htmlFor={`${uid}-kind`}>{t.kind}</label>
        <select id={`${uid}-kind`} value={kind} onChange={(e) => setKind(e.target.value as 'element' | 'project')}>
          <option value="element">{t.element}</option>
          <option value="project">{t.project}</option>
        </select>
        <label htmlFor={`${uid}-id`}>{t.newId}</label>
        <input id={`${uid}-id`} type="text" value={id} onChange={(e) => setId(e.target.value.trim())} aria-invalid={!!id && (!slugOk(id) || taken)} />
        {kind === 'element' ? (
          <>
            <label htmlFor={`${uid}-role`}>{t.role}</label>
            <select id={`${uid}-role`} value={role} onChange={(e) => setRole(e.target.value as PlanElement['role'])}>
              {elementRoles.map((r) => (
                <option key={r} value={r}>
                  {t.roleNames[r]}
                </option>
              ))}
            </select>
            <label htmlFor={`${uid}-group`}>{t.group}</label>
            <select id={`${uid}-group`} value={group} onChange={(e) => setGroup(e.target.value)}>
              <option value="">{t.groupFromPick}</option>
              {groups.map((g) => (
                <option key={g} value={g}>
                  {g}
                </option>
              ))}
            </select>
          </>
        ) : (
          <>
            <label htmlFor={`${uid}-category`}>{t.category}</label>
            <CategorySelect id={`${uid}-category`} value={category} onChange={setCategory} />
            <label htmlFor={`${uid}-county`}>{t.county}</label>
            <RegionSelect id={`${uid}-county`} value={county} onChange={setCounty} options={counties} />
          </>
        )}
      </div>
      {id && !slugOk(id) && <p className="studio-refusal">{t.idRule}</p>}
      {taken && <p className="studio-refusal">{t.idTaken(id)}</p>}
      <button type="button" className="btn btn--primary" disabled={!ready} onClick={add}>
        {kind === 'element' ? t.addElement : t.addProject}
      </button>
    </details>
  );
}
