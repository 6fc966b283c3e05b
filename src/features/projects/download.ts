/** File names of the project downloads. */
import type { PlanId } from '../../lib/atlas-data';
import { dayStamp } from '../../ui/download';

/**
 * `yunnan-health-projects-2026-11-23.csv`; `…-qujing-2026-11-23.csv` when one plan is filtered;
 * `…-shortlist-2026-11-23.xlsx` for the shortlist; a format's tag tells two files of one type apart (`…-gis-…csv`).
 */
export function exportFileName(ext: string, plans: readonly PlanId[], date = new Date(), shortlist = false, tag = ''): string {
  const part = `${shortlist ? 'shortlist-' : plans.length === 1 ? `${plans[0]}-` : ''}${tag ? `${tag}-` : ''}`;
  return `yunnan-health-projects-${part}${dayStamp(date)}.${ext}`;
}
