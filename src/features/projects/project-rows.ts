/** The project list's rows: see src/lib/project-filter.ts, shared with the map and the project book. */
export { projectRows, type ProjectRow } from '../../lib/project-filter';
