/** Serves published files to fetch() in jsdom: the real ones under public/, or a fixture. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { vi } from 'vitest';

const publicDir = resolve(import.meta.dirname, '../../public');

export function servePublic(overrides: Record<string, unknown> = {}): void {
  vi.stubGlobal('fetch', async (input: string | URL) => {
    const path = new URL(String(input), document.baseURI).pathname.replace(/^\//, '');
    if (path in overrides) return new Response(JSON.stringify(overrides[path]), { status: 200 });
    try {
      return new Response(readFileSync(resolve(publicDir, path), 'utf8'), { status: 200 });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}

/** Serves only `files` (path under public/ → JSON value) to fetch() in jsdom: a fixture instead of the real data. */
export function serveFiles(files: Record<string, unknown>): void {
  vi.stubGlobal('fetch', async (input: string | URL) => {
    const path = new URL(String(input), document.baseURI).pathname.replace(/^\//, '');
    return path in files ? new Response(JSON.stringify(files[path]), { status: 200 }) : new Response('not found', { status: 404 });
  });
}
