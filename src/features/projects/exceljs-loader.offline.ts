/**
 * The single file's exceljs: its browser build is stored in the page as text (`<script type="text/plain"
 * id="atlas-exceljs">`, written by scripts/build-offline.ts), which the browser neither parses nor runs when the
 * file opens. The first workbook asked for runs it as an inline script, allowed by its hash in the page's CSP,
 * and exceljs's UMD wrapper leaves it on `window.ExcelJS`. Used in place of `exceljs-loader.ts`.
 */
import type { ExcelJS } from './exceljs-loader';

/** The element holding exceljs's code, as in scripts/build-offline.ts. */
const blockId = 'atlas-exceljs';

export async function loadExcelJS(): Promise<ExcelJS> {
  const w = window as unknown as { ExcelJS?: ExcelJS };
  if (!w.ExcelJS) {
    const code = document.getElementById(blockId)?.textContent;
    if (!code) throw new Error(`#${blockId}: the page carries no Excel writer`);
    const script = document.createElement('script');
    script.textContent = code;
    // An inline script runs as it is inserted.
    document.head.append(script);
    script.remove();
  }
  if (!w.ExcelJS) throw new Error(`#${blockId}: the Excel writer did not start (blocked by the page's policy?)`);
  return w.ExcelJS;
}
