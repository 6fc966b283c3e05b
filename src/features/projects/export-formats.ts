/**
 * The download menu's formats, one entry each: its name and hint (from the interface strings) and its writer,
 * loaded only when the format is chosen (a dynamic import, so the Excel writer and the book's code stay out of the
 * first download). Adding a format is one entry here and its two strings in `zh.ts` and `en.ts` (`browser.formats`).
 */
import type { ComponentType } from 'react';
import type { UiStrings } from '../../i18n/languages';
import type { InvestmentTotal, ProjectRow } from '../../lib/project-filter';
import type { Lang } from '../../i18n/languages';
import type { ExportPlan } from './export-columns';
import type { RowSource } from './row-source';

/** What every writer is given: exactly the rows on screen, in their order (read a batch at a time). */
export interface ExportInput {
  rows: RowSource;
  lang: Lang;
  plans: readonly ExportPlan[];
  total: InvestmentTotal;
  /** What the rows are: the filtered list or the shortlist (words for the reader). */
  source: string;
}

/** What a view is given: the list's first rows (as many as it shows, read from the source) and their count. */
export type ExportViewInput = Omit<ExportInput, 'rows'> & { rows: readonly ProjectRow[]; count: number };

/** A view over the page (the printable book), given the list's first rows and a way to close. */
export type ExportView = ComponentType<ExportViewInput & { onClose: () => void }>;

/** What a chosen format does: write a file, or open a view over the page (showing at most `most` rows). */
export type ExportAction =
  | { kind: 'file'; ext: string /** Tells two files of one type apart in the name. */; tag?: string; write: (input: ExportInput) => Blob | Promise<Blob> }
  | { kind: 'view'; View: ExportView; most: number };

export interface ExportFormat {
  id: string;
  /** Its name and hint in the menu, in the interface language. */
  strings: (b: UiStrings['browser']) => { name: string; hint: (n: number) => string };
  /** The writer, fetched when the format is chosen. */
  load: () => Promise<ExportAction>;
}

/** The formats in menu order. */
export const exportFormats: readonly ExportFormat[] = [
  {
    id: 'xlsx',
    strings: (b) => b.formats.xlsx,
    load: async () => {
      const { projectsWorkbook } = await import('./export-xlsx');
      return { kind: 'file', ext: 'xlsx', write: ({ rows, ...options }) => projectsWorkbook(rows, options) };
    },
  },
  {
    id: 'book',
    strings: (b) => b.formats.book,
    load: async () => {
      const { bookLimit, ProjectBook } = await import('./ProjectBook');
      return { kind: 'view', View: ProjectBook, most: bookLimit + 1 };
    },
  },
  {
    id: 'csv',
    strings: (b) => b.formats.csv,
    load: async () => {
      const { projectsCsvBlob } = await import('./export-csv');
      return { kind: 'file', ext: 'csv', write: ({ rows, lang, plans }) => projectsCsvBlob(rows, { lang, plans, headers: 'people' }) };
    },
  },
  {
    id: 'csv-gis',
    strings: (b) => b.formats.csvGis,
    load: async () => {
      const { projectsCsvBlob } = await import('./export-csv');
      return { kind: 'file', ext: 'csv', tag: 'gis', write: ({ rows, lang, plans }) => projectsCsvBlob(rows, { lang, plans, headers: 'gis' }) };
    },
  },
  {
    id: 'geojson',
    strings: (b) => b.formats.geojson,
    load: async () => {
      const { projectsGeoJsonBlob } = await import('./export-geojson');
      return { kind: 'file', ext: 'geojson', write: ({ rows }) => projectsGeoJsonBlob(rows) };
    },
  },
];
