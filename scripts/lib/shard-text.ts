/**
 * A search shard's file read and written as bytes: the data build patches a shard by its rows' JSON, and reads no
 * row as an entry unless a query ranks it again. A country's common keys fill shards of 40,000 rows; parsing and
 * writing them whole was most of a one-project change's time. The bytes are held as Latin-1 strings (one character a
 * byte, no UTF-8 decoding): JSON's structural characters are ASCII, and no byte of a multi-byte UTF-8 character is.
 */

/** A shard's row: its JSON as the file's bytes (a Latin-1 string), and its entry's plan and id. */
export interface RowText {
  text: string;
  plan: string;
  id: string;
}

/** Bytes held as a Latin-1 string, as the text they encode in UTF-8. */
function decoded(bytes: string): string {
  for (let i = 0; i < bytes.length; i++) if (bytes.charCodeAt(i) > 127) return Buffer.from(bytes, 'latin1').toString('utf8');
  return bytes;
}

/** A row's JSON as a shard's bytes (for {@link shardText}). */
export const rowText = (row: unknown[]): string => Buffer.from(JSON.stringify(row)).toString('latin1');

/** A row read back from its bytes. */
export const rowValue = (text: string): unknown => JSON.parse(decoded(text));

/** `{"format":…,"fields":[…],"rows":[`: what every shard of these fields starts with. */
const headOf = (format: number, fields: readonly string[]) => `{"format":${format},"fields":${JSON.stringify(fields)},"rows":[`;

/** The end of the JSON string that starts at `from` (its closing quote), or -1. */
function stringEnd(text: string, from: number): number {
  let j = from + 1;
  for (;;) {
    j = text.indexOf('"', j);
    if (j < 0) return -1;
    let slashes = 0;
    while (text.charCodeAt(j - 1 - slashes) === 92) slashes++;
    if (slashes % 2 === 0) return j;
    j++;
  }
}

/**
 * The rows and answers of a shard's file as the build writes it (rows of strings and nulls), or undefined if the
 * bytes are not such a file (the build then makes the index whole).
 */
export function readShardText(bytes: Buffer, format: number, fields: readonly string[]): { rows: RowText[]; answers: Record<string, number[]> } | undefined {
  const text = bytes.toString('latin1');
  const head = headOf(format, fields);
  const at = { id: fields.indexOf('id'), plan: fields.indexOf('plan') };
  if (!text.startsWith(head) || at.id < 0 || at.plan < 0) return undefined;
  const rows: RowText[] = [];
  let i = head.length;
  if (text[i] === ']') i++;
  else
    for (;;) {
      if (text[i] !== '[') return undefined;
      const start = i++;
      const values: (string | null)[] = [];
      for (;;) {
        if (text[i] === '"') {
          const end = stringEnd(text, i);
          if (end < 0) return undefined;
          const raw = text.slice(i + 1, end);
          values.push(raw.includes('\\') ? (JSON.parse(decoded(text.slice(i, end + 1))) as string) : decoded(raw));
          i = end + 1;
        } else if (text.startsWith('null', i)) {
          values.push(null);
          i += 4;
        } else return undefined;
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          break;
        } else return undefined;
      }
      const [id, plan] = [values[at.id], values[at.plan]];
      if (values.length !== fields.length || typeof id !== 'string' || typeof plan !== 'string') return undefined;
      rows.push({ text: text.slice(start, i), plan, id });
      if (text[i] === ',') i++;
      else if (text[i] === ']') {
        i++;
        break;
      } else return undefined;
    }
  const answersAt = ',"answers":';
  if (!text.startsWith(answersAt, i)) return undefined;
  try {
    const answers = JSON.parse(decoded(text.slice(i + answersAt.length, text.trimEnd().length - 1))) as unknown;
    if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return undefined;
    return { rows, answers: answers as Record<string, number[]> };
  } catch {
    return undefined;
  }
}

/** A shard's file from its rows' bytes and its answers: the UTF-8 of what `JSON.stringify` gives the same shard, and a newline. */
export function shardText(format: number, fields: readonly string[], rows: readonly string[], answers: Record<string, number[]>): Buffer {
  return Buffer.concat([Buffer.from(`${headOf(format, fields)}${rows.join(',')}],"answers":`, 'latin1'), Buffer.from(`${JSON.stringify(answers)}}\n`)]);
}
