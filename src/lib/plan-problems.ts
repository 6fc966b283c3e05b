/**
 * The validator's problems in structured form: the file, the feature, the field, a code and its parameters. The
 * validator (`npm run validate`, Node) prints each as one English line made here; the plan studio shows the same
 * problem in its interface language from its own words for each code (src/i18n/studio-*.ts).
 */

/** A zod issue as data: its code and the details the words need (never the input itself, which may be large). */
export interface SchemaIssue {
  /** zod's issue code: invalid_type, invalid_value, too_small, too_big, invalid_format, unrecognized_keys, custom … */
  code: string;
  /** zod's own English message (or the schema's, when it names one): the validator prints it as it is. */
  message: string;
  expected?: string;
  /** The type of the value found (string, number, array, object, null, undefined …), for invalid_type. */
  received?: string;
  values?: readonly (string | number | boolean | null)[];
  keys?: readonly string[];
  origin?: string;
  minimum?: number;
  maximum?: number;
  format?: string;
}

/** Each problem code with its parameters. Adding a code is a type error until every language has words for it. */
export interface ProblemParams {
  yamlSyntax: { detail: string };
  notAPlan: Record<string, never>;
  schema: SchemaIssue;
  idNotFolder: { id: string; folder: string };
  duplicatePlace: { id: string };
  duplicateId: { id: string };
  unknownPlace: { id: string };
  notVerbatim: { seed: string; quote: string };
  seedMissing: { seed: string };
  formulaNeedsSource: Record<string, never>;
  unknownElement: { id: string };
  unknownFeature: { id: string; example: string };
  noRegion: { code: string };
  noCounty: { code: string };
  outsideCounty: { lon: number; lat: number; county: string; precision: string };
  placeNotInCounty: { place: string; placeCounty: string; county: string };
  geometry: { detail: string };
  prefectureNeedsPlace: { county: string };
  ownParent: Record<string, never>;
  noPlan: { plan: string };
  cycle: { chain: string };
  noParentElement: { element: string; plan: string };
  noFeature: { feature: string; plan: string };
  noKeyProject: { id: string };
  /** A failure the compiler did not foresee: its message as it is. */
  other: { detail: string };
}

export type ProblemCode = keyof ProblemParams;

/** One language's words for every problem code. */
export type ProblemWords = { [C in ProblemCode]: (p: ProblemParams[C]) => string };

/** One problem: where (file, feature, field — data, never translated) and what, as a code with its parameters. */
export type PlanProblem = {
  [C in ProblemCode]: { file: string; where: string; field: string; code: C; params: ProblemParams[C] };
}[ProblemCode];

/** A problem before its file is known (checks that see one document): where, field, code and parameters. */
export type ProblemAt = Omit<PlanProblem, 'file'>;

/** Builds a problem with its parameters checked against its code. */
export function problem<C extends ProblemCode>(file: string, where: string, field: string, code: C, params: ProblemParams[C]): PlanProblem {
  return { file, where, field, code, params } as PlanProblem;
}

const shortQuote = (quote: string) => (quote.length > 40 ? `${quote.slice(0, 40)}…` : quote);

/** The validator's English: exactly the words `npm run validate` has always printed. */
export const problemEn: ProblemWords = {
  yamlSyntax: (p) => p.detail,
  notAPlan: () => 'not a plan: expected a YAML mapping with id, title, level, region, seed …',
  schema: (p) => p.message,
  idNotFolder: (p) => `id “${p.id}” does not match its folder “${p.folder}”`,
  duplicatePlace: (p) => `duplicate place id “${p.id}”`,
  duplicateId: (p) => `duplicate id “${p.id}” (element and project ids share one namespace)`,
  unknownPlace: (p) => `unknown place “${p.id}” (add it to places.yaml)`,
  notVerbatim: (p) => `not found verbatim in seed ${p.seed}: “${shortQuote(p.quote)}”`,
  seedMissing: (p) => `seed file ${p.seed} not found`,
  formulaNeedsSource: () => 'a formula needs the sentence it comes from (formulaSource)',
  unknownElement: (p) => `unknown element “${p.id}”`,
  unknownFeature: (p) => `unknown feature “${p.id}” (use full ids such as ${p.example})`,
  noRegion: (p) => `no county or prefecture ${p.code} in the base layers`,
  noCounty: (p) => `no county ${p.code} in the base layers`,
  outsideCounty: (p) =>
    `${p.lon}, ${p.lat} lies outside its county ${p.county}; a point said to be ${p.precision} must fall inside it (or say precision: schematic)`,
  placeNotInCounty: (p) => `place “${p.place}” is in ${p.placeCounty}, not in the project's county ${p.county}`,
  geometry: (p) => p.detail,
  prefectureNeedsPlace: (p) => `a project in a whole prefecture (${p.county}) needs a place`,
  ownParent: () => 'a plan cannot be its own parent',
  noPlan: (p) => `no plan “${p.plan}” under data/`,
  cycle: (p) => `the plan tree has a cycle (${p.chain}): a plan cannot nest in its own descendant`,
  noParentElement: (p) => `no element “${p.element}” in plan ${p.plan}`,
  noFeature: (p) => `no feature “${p.feature}” in plan ${p.plan}`,
  noKeyProject: (p) => `no project “${p.id}” in this plan`,
  other: (p) => p.detail,
};

/** A problem's message in the given words. */
export function problemMessage(p: PlanProblem, words: ProblemWords): string {
  return (words[p.code] as (params: PlanProblem['params']) => string)(p.params);
}

/**
 * One line per problem: `data/x/plan.yaml: elements[2] zone-a “…”: functions[0]: not found …`. In English (the
 * default) it is the validator's line; the studio passes its interface language's words.
 */
export function problemLine(p: PlanProblem, words: ProblemWords = problemEn): string {
  return [p.file, p.where, p.field, problemMessage(p, words)].filter(Boolean).join(': ');
}

/** A failure the compiler did not foresee (a file that will not load, an exception), as a problem. */
export function otherProblem(detail: string, file = ''): PlanProblem {
  return problem(file, '', '', 'other', { detail });
}
