/**
 * What the compiler reads of a plan: the texts of its two files and a way to find its seed. The same shape comes
 * from data/ in Node (`scripts/lib/plan-files.ts`), from the published sources or a folder on disk in the studio.
 */

/** A plan folder's files as text. */
export interface PlanSources {
  /** The folder's name under data/; plan.yaml's id must equal it. */
  folder: string;
  /** Text of data/<folder>/plan.yaml. */
  planYaml: string;
  /** Text of data/<folder>/places.yaml; absent means the plan uses no places. */
  placesYaml?: string;
}

/** Seed file name (plan.yaml's `seed`) to its text, or undefined when there is no such seed. */
export type ReadSeed = (name: string) => string | undefined;

/** What a plan's sources publish as, for the studio: `geo/sources/<id>.json`. */
export interface PublishedSources extends PlanSources {
  seed: { name: string; text: string };
}

/** The repository path of a plan's file, as every problem line names it. */
export const planFile = (folder: string, file: 'plan.yaml' | 'places.yaml' = 'plan.yaml') => `data/${folder}/${file}`;

/** The published path of a plan's sources. */
export const sourcesPath = (planId: string) => `geo/sources/${planId}.json`;
