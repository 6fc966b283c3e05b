/**
 * Every published project, read as the hosted atlas reads them: the project list's parts (`public/geo/projects/`),
 * in the summary's order. The tests take their examples from the real data this way.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const dir = resolve(import.meta.dirname, '../../public/geo/projects');
const read = (name: string) => JSON.parse(readFileSync(resolve(dir, name), 'utf8')) as { fields: string[]; rows: unknown[][] };

/** Each row as an object of its table's fields. */
export function publishedProjects<T>(): T[] {
  const summary = JSON.parse(readFileSync(resolve(dir, 'summary.json'), 'utf8')) as { plans: [string, number][] };
  return summary.plans.flatMap(([plan]) => {
    const table = read(`${plan}.json`);
    return table.rows.map((r) => Object.fromEntries(table.fields.map((f, i) => [f, r[i]])) as T);
  });
}
