/** `npm run validate`: checks every plan under data/ and prints one line per problem (file, feature, field). */
import { resolve } from 'node:path';
import { formatProblem, readPlans } from './lib/read-plans';

const root = resolve(import.meta.dirname, '..');
const seeds = process.env.ATLAS_SEEDS ?? resolve(root, 'data/seeds');
const { plans, problems } = readPlans(resolve(root, 'data'), seeds, root);
for (const p of problems) console.error(formatProblem(p));
console.log(`${plans.length} plan(s) valid: ${plans.map((p) => `${p.plan.id} (${p.plan.elements.length} elements, ${p.plan.projects.length} projects)`).join(', ') || 'none'}; ${problems.length} problem(s).`);
process.exit(problems.length ? 1 : 0);
