/** Serves a fixture's published files to fetch() in jsdom, never the real ones under public/. */
import { vi } from 'vitest';

/** Serves only `files` (path under public/ → JSON value) to fetch() in jsdom: a fixture instead of the real data. */
export function serveFiles(files: Record<string, unknown>): void {
  vi.stubGlobal('fetch', async (input: string | URL) => {
    const path = new URL(String(input), document.baseURI).pathname.replace(/^\//, '');
    return path in files ? new Response(JSON.stringify(files[path]), { status: 200 }) : new Response('not found', { status: 404 });
  });
}
