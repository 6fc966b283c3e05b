/** The data build's own JSON files in its cache (state, search model, kept rows): read leniently, written whole. */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/** The file's value, or undefined when it is missing or unreadable (the build then only does more). */
export function readJsonFile<T>(file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** The file's bytes, or undefined when it is missing or unreadable. */
export function readBytes(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written aside, then renamed: a build running at the same time reads the old file or the new, never half. */
export function writeJsonFile(file: string, value: unknown): void {
  const aside = `${file}.${process.pid}`;
  writeFileSync(aside, JSON.stringify(value));
  renameSync(aside, file);
}
