/**
 * exceljs, loaded when a workbook is asked for (a dynamic import: a chunk of its own on a hosted atlas, downloaded
 * only then). The single file swaps this module for `exceljs-loader.offline.ts` (scripts/build-offline.ts), which
 * evaluates exceljs from a block of text in the page, so opening the file does not parse it.
 */
import type ExcelJSModule from 'exceljs';

/** The exceljs namespace (`Workbook`, …). */
export type ExcelJS = typeof ExcelJSModule;

export async function loadExcelJS(): Promise<ExcelJS> {
  return (await import('exceljs')).default;
}
