/**
 * A download built in batches: each batch of rows is turned into text, encoded to bytes and handed to the Blob as
 * one part, and the page gets a turn between batches. So exporting 100,000s of projects never holds the whole file
 * as one string (the Blob keeps bytes, which the browser may store outside the JS heap), and the page stays
 * responsive while it is written. The bytes are exactly those of the file written in one piece.
 */
import { inTurns, type RowSource } from './row-source';

export interface BatchedText<T> {
  /** Text before the first row. */
  head: string;
  /** One row's text, with whatever separates it from the row before (`first` says there is none). */
  row: (item: T, first: boolean) => string;
  /** Text after the last row. */
  tail: string;
  type: string;
}

export async function blobInBatches<T>(items: RowSource<T>, { head, row, tail, type }: BatchedText<T>): Promise<Blob> {
  const encoder = new TextEncoder();
  const parts: Uint8Array<ArrayBuffer>[] = [encoder.encode(head)];
  let first = true;
  for await (const batch of inTurns(items)) {
    let text = '';
    for (const item of batch) {
      text += row(item, first);
      first = false;
    }
    parts.push(encoder.encode(text));
  }
  parts.push(encoder.encode(tail));
  return new Blob(parts, { type });
}
