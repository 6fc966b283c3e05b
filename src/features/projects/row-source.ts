/**
 * What a download is given: the list's rows as a source read a batch at a time, so a writer never needs the whole
 * list in memory. A list in memory is one source; a list loaded by window (beyond every part's budget, issue 19) is
 * another, whose batches are the plans' parts fetched one after the other (src/data/project-parts.ts `eachPart`).
 */
import { eachPart } from '../../data/project-parts';
import { filterProjects, type ProjectFilters, type ProjectRow, projectRows } from '../../lib/project-filter';
import type { PlanId } from '../../lib/vocabulary';

/** Rows per batch: some MB of text at most, a few ms of work on a slow machine. */
export const batchSize = 2000;

/** Lets the page paint and handle input between batches. */
export const nextTurn = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/** The rows of a list, in order: how many, and the rows themselves a batch at a time (read once per file). */
export interface RowSource<T = ProjectRow> {
  count: number;
  batches: () => AsyncIterable<readonly T[]>;
}

/** A list in memory as a source. */
export function rowsInMemory<T>(rows: readonly T[]): RowSource<T> {
  return {
    count: rows.length,
    batches: async function* () {
      yield rows;
    },
  };
}

/** The source's batches cut to at most {@link batchSize} rows. */
async function* cut<T>(source: RowSource<T>): AsyncGenerator<readonly T[]> {
  for await (const batch of source.batches())
    for (let start = 0; start < batch.length; start += batchSize) yield batch.length <= batchSize ? batch : batch.slice(start, start + batchSize);
}

/**
 * The source's rows in batches of at most {@link batchSize}, the page getting a turn before every batch but the
 * first: a writer's loop over them stays responsive whatever the source's batches are.
 */
export async function* inTurns<T>(source: RowSource<T>): AsyncGenerator<readonly T[]> {
  let first = true;
  for await (const batch of cut(source)) {
    if (!first) await nextTurn();
    first = false;
    yield batch;
  }
}

/** Each row made into something else (with its index), a batch at a time: never the whole list at once. */
export function mapRows<T, U>(source: RowSource<T>, make: (row: T, index: number) => U): RowSource<U> {
  return {
    count: source.count,
    batches: async function* () {
      let index = 0;
      for await (const batch of cut(source)) yield batch.map((row) => make(row, index++));
    },
  };
}

/** The first `most` rows of a source (a view that shows only so many reads no further). */
export async function firstRows<T>(source: RowSource<T>, most: number): Promise<T[]> {
  const rows: T[] = [];
  for await (const batch of source.batches()) {
    for (const row of batch) {
      if (rows.length >= most) return rows;
      rows.push(row);
    }
  }
  return rows;
}

/**
 * A list loaded by window as a source: each plan's part in the list's order (`perPlan`, from the summary), its rows
 * filtered as the list's are. The parts come one at a time (src/data/project-parts.ts `eachPart`).
 */
export function rowsOfParts(perPlan: readonly [PlanId, number][], filters: ProjectFilters, planOrder: readonly PlanId[]): RowSource {
  return {
    count: perPlan.reduce((n, [, count]) => n + count, 0),
    batches: async function* () {
      for await (const records of eachPart(perPlan.map(([plan]) => plan))) yield filterProjects(projectRows(records, planOrder), filters);
    },
  };
}
