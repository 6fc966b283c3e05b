/**
 * Checks a schema cannot express: references between a plan's parts, and fidelity to the seed text.
 * Every problem names the element and field, so `npm run validate` can print file, feature and field.
 */
import type { Place, Plan } from './plan-schema';
import { compactQuote, compactSeed } from './seed-text';

/** One problem found in a plan: `where` names the feature, `field` the field. */
export interface PlanProblem {
  where: string;
  field: string;
  message: string;
}

function label(kind: string, i: number, item: { id?: string; name?: string }): string {
  return `${kind}[${i}]${item.id ? ` ${item.id}` : ''}${item.name ? ` “${item.name}”` : ''}`;
}

/** Problems with ids, references and quotes; an empty list means the plan is sound. */
export function checkPlan(plan: Plan, places: Place[], seedText: string | undefined): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const add = (where: string, field: string, message: string) => problems.push({ where, field, message });
  const placeIds = new Set<string>();
  places.forEach((p, i) => {
    if (placeIds.has(p.id)) add(label('places', i, p), 'id', `duplicate place id “${p.id}”`);
    placeIds.add(p.id);
  });
  const elementIds = new Set<string>();
  const ids = new Set<string>();
  const claim = (where: string, id: string) => {
    if (ids.has(id)) add(where, 'id', `duplicate id “${id}” (element and project ids share one namespace)`);
    ids.add(id);
  };
  const needPlace = (where: string, field: string, id: string) => {
    if (!placeIds.has(id)) add(where, field, `unknown place “${id}” (add it to places.yaml)`);
  };

  const seed = seedText === undefined ? undefined : compactSeed(seedText);
  const verbatim = (where: string, field: string, quote: string) => {
    if (seed !== undefined && !seed.includes(compactQuote(quote))) {
      add(where, field, `not found verbatim in seed ${plan.seed}: “${quote.length > 40 ? `${quote.slice(0, 40)}…` : quote}”`);
    }
  };
  if (seedText === undefined) add('plan', 'seed', `seed file ${plan.seed} not found`);

  if (plan.formula !== undefined) verbatim('plan', 'formula', plan.formula);
  if (plan.formulaSource) verbatim('plan', 'formulaSource.quote', plan.formulaSource.quote);
  if ((plan.formula === undefined) !== (plan.formulaSource === undefined)) add('plan', 'formula', 'formula and formulaSource go together: give both or neither');
  verbatim('plan', 'summary.quote', plan.summary.quote);
  plan.targets.forEach((t, i) => verbatim(`targets[${i}]`, 'quote', t.quote));

  plan.elements.forEach((el, i) => {
    const where = label('elements', i, el);
    claim(where, el.id);
    elementIds.add(el.id);
    const g = el.geometry;
    if (g.type === 'corridor') g.through.forEach((line, k) => line.forEach((p, j) => needPlace(where, `geometry.through[${k}][${j}]`, p)));
    if (g.type === 'hull') g.places.forEach((p, j) => needPlace(where, `geometry.places[${j}]`, p));
    if (g.type === 'point') needPlace(where, 'geometry.place', g.place);
    el.functions.forEach((f, j) => verbatim(where, `functions[${j}]`, f));
    el.projects.forEach((p, j) => verbatim(where, `projects[${j}]`, p));
    verbatim(where, 'source.quote', el.source.quote);
  });
  plan.projects.forEach((pr, i) => {
    const where = label('projects', i, pr);
    claim(where, pr.id);
    if (pr.place) needPlace(where, 'place', pr.place);
    if (pr.element && !elementIds.has(pr.element)) add(where, 'element', `unknown element “${pr.element}”`);
    pr.functions.forEach((f, j) => verbatim(where, `functions[${j}]`, f));
    verbatim(where, 'source.quote', pr.source.quote);
  });
  plan.unplaced.forEach((u, i) => verbatim(label('unplaced', i, u), 'source.quote', u.source.quote));
  // Chapter captions are shown as the plan's own words, so they are held to the seed like quotes.
  plan.presentation?.chapters?.forEach((c, i) => {
    if (c.caption) verbatim(`presentation.chapters[${i}] “${c.title}”`, 'caption', c.caption);
    c.features?.forEach((f, j) => {
      const local = f.startsWith(`${plan.id}-`) ? f.slice(plan.id.length + 1) : f;
      if (!ids.has(local)) add(`presentation.chapters[${i}] “${c.title}”`, `features[${j}]`, `unknown feature “${f}” (use full ids such as ${plan.id}-core)`);
    });
  });
  return problems;
}
