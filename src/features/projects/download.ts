/** Saving a generated file: a Blob behind an object URL, clicked through a temporary <a download>. */
import type { PlanId } from '../../lib/atlas-data';

/** `yunnan-health-projects-2026-11-23.csv`, or `yunnan-health-projects-qujing-2026-11-23.csv` when one plan is filtered. */
export function exportFileName(ext: 'csv' | 'geojson', plans: readonly PlanId[], date = new Date()): string {
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return `yunnan-health-projects-${plans.length === 1 ? `${plans[0]}-` : ''}${day}.${ext}`;
}

export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
