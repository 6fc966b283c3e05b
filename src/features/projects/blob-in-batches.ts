/**
 * A download built in batches: each batch of rows is turned into text, encoded to bytes and handed to the Blob as
 * one part, and the page gets a turn between batches. So exporting 100,000s of projects never holds the whole file
 * as one string (the Blob keeps bytes, which the browser may store outside the JS heap), and the page stays
 * responsive while it is written. The bytes are exactly those of the file written in one piece.
 */

/** Rows per part: some MB of text at most, a few ms of work on a slow machine. */
export const batchSize = 2000;

/** Lets the page paint and handle input between batches. */
export const nextTurn = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

export interface BatchedText<T> {
  /** Text before the first row. */
  head: string;
  /** One row's text, with whatever separates it from the row before (`first` says there is none). */
  row: (item: T, first: boolean) => string;
  /** Text after the last row. */
  tail: string;
  type: string;
}

export async function blobInBatches<T>(items: readonly T[], { head, row, tail, type }: BatchedText<T>): Promise<Blob> {
  const encoder = new TextEncoder();
  const parts: Uint8Array<ArrayBuffer>[] = [encoder.encode(head)];
  for (let start = 0; start < items.length; start += batchSize) {
    if (start) await nextTurn();
    let text = '';
    const end = Math.min(items.length, start + batchSize);
    for (let i = start; i < end; i++) text += row(items[i]!, i === 0);
    parts.push(encoder.encode(text));
  }
  parts.push(encoder.encode(tail));
  return new Blob(parts, { type });
}
