/** File names of the project downloads. */
import type { PlanId } from '../../lib/atlas-data';
import { dayStamp } from '../../ui/download';

/** `yunnan-health-projects-2026-11-23.csv`, or `yunnan-health-projects-qujing-2026-11-23.csv` when one plan is filtered. */
export function exportFileName(ext: 'csv' | 'geojson', plans: readonly PlanId[], date = new Date()): string {
  return `yunnan-health-projects-${plans.length === 1 ? `${plans[0]}-` : ''}${dayStamp(date)}.${ext}`;
}
