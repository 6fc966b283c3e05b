/** Serves the built files under public/ to fetch() in jsdom, so components read the real published layers. */
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
