/** Small helpers shared by the base-geography build. */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** A lon/lat position. */
export type Pt = [number, number];
/** Nested coordinate arrays of any depth (a point, a line, rings, polygons). */
export type Coords = number[] | Coords[];

/** `v` rounded to `d` decimals (the output files print numbers as JavaScript does, so this fixes their bytes). */
export const round = (v: number, d = 4): number => Math.round(v * 10 ** d) / 10 ** d;

/** Every position in `c` rounded to `d` decimals. */
export function roundCoords<T extends Coords>(c: T, d = 4): T {
  return (typeof c[0] === 'number' ? [round(c[0] as number, d), round(c[1] as number, d)] : (c as Coords[]).map((x) => roundCoords(x, d))) as T;
}

/** A position as a map key, to 6 decimals: pieces of a line meet where their keys are equal. */
export const key6 = (p: readonly number[]): string => `${p[0]!.toFixed(6)},${p[1]!.toFixed(6)}`;

/** Progress lines on the console. */
export const log = (...a: unknown[]): void => console.log(...a);

/** A JSON file's content, unchecked: callers give it a type they rely on. */
export const readJson = <T = unknown>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** Bytes of `text` after gzip -9 (what the README reports). */
export const gzipSize = (text: string): number => gzipSync(Buffer.from(text), { level: 9 }).length;
