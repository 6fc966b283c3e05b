/** `npm run validate`: checks every plan under data/ and prints one line per problem (file, feature, field). */
import { resolve } from 'node:path';
import { formatProblem, readPlans } from './lib/read-plans';

const root = resolve(import.meta.dirname, '..');
// ATLAS_DATA lets tests point the validator at a copy of data/.
const data = process.env.ATLAS_DATA ?? resolve(root, 'data');
const { plans, problems } = readPlans(data, resolve(data, 'seeds'), process.env.ATLAS_DATA ? resolve(data, '..') : root);
for (const p of problems) console.error(formatProblem(p));
console.log(`${plans.length} plan(s) valid: ${plans.map((p) => `${p.plan.id} (${p.plan.elements.length} elements, ${p.plan.projects.length} projects)`).join(', ') || 'none'}; ${problems.length} problem(s).`);
process.exit(problems.length ? 1 : 0);
