/**
 * Checks a schema cannot express: references between a plan's parts, and fidelity to the seed text.
 * Every problem names the element and field, so `npm run validate` can print file, feature and field.
 */
import type { ProblemAt, ProblemCode, ProblemParams } from './plan-problems';
import type { Place, Plan } from './plan-schema';
import { compactQuote, compactSeed } from './seed-text';

function label(kind: string, i: number, item: { id?: string; name?: string }): string {
  return `${kind}[${i}]${item.id ? ` ${item.id}` : ''}${item.name ? ` “${item.name}”` : ''}`;
}

/** Problems with ids, references and quotes; an empty list means the plan is sound. */
export function checkPlan(plan: Plan, places: Place[], seedText: string | undefined): ProblemAt[] {
  const problems: ProblemAt[] = [];
  const add = <C extends ProblemCode>(where: string, field: string, code: C, params: ProblemParams[C]) =>
    problems.push({ where, field, code, params } as ProblemAt);
  const placeIds = new Set<string>();
  places.forEach((p, i) => {
    if (placeIds.has(p.id)) add(label('places', i, p), 'id', 'duplicatePlace', { id: p.id });
    placeIds.add(p.id);
  });
  const elementIds = new Set<string>();
  const ids = new Set<string>();
  const claim = (where: string, id: string) => {
    if (ids.has(id)) add(where, 'id', 'duplicateId', { id });
    ids.add(id);
  };
  const needPlace = (where: string, field: string, id: string) => {
    if (!placeIds.has(id)) add(where, field, 'unknownPlace', { id });
  };

  const seed = seedText === undefined ? undefined : compactSeed(seedText);
  const verbatim = (where: string, field: string, quote: string) => {
    if (seed !== undefined && !seed.includes(compactQuote(quote))) {
      add(where, field, 'notVerbatim', { seed: plan.seed, quote });
    }
  };
  if (seedText === undefined) add('plan', 'seed', 'seedMissing', { seed: plan.seed });

  if (plan.formula) verbatim('plan', 'formula', plan.formula);
  if (plan.formulaSource) verbatim('plan', 'formulaSource.quote', plan.formulaSource.quote);
  if (plan.formula && !plan.formulaSource) add('plan', 'formulaSource', 'formulaNeedsSource', {});
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
    if (pr.element && !elementIds.has(pr.element)) add(where, 'element', 'unknownElement', { id: pr.element });
    pr.functions.forEach((f, j) => verbatim(where, `functions[${j}]`, f));
    verbatim(where, 'source.quote', pr.source.quote);
  });
  plan.unplaced.forEach((u, i) => verbatim(label('unplaced', i, u), 'source.quote', u.source.quote));
  // Chapter captions are shown as the plan's own words, so they are held to the seed like quotes.
  plan.presentation?.chapters?.forEach((c, i) => {
    if (c.caption) verbatim(`presentation.chapters[${i}] “${c.title}”`, 'caption', c.caption);
    c.features?.forEach((f, j) => {
      const local = f.startsWith(`${plan.id}-`) ? f.slice(plan.id.length + 1) : f;
      if (!ids.has(local)) add(`presentation.chapters[${i}] “${c.title}”`, `features[${j}]`, 'unknownFeature', { id: f, example: `${plan.id}-core` });
    });
  });
  return problems;
}
