/**
 * The one way the app reads its data files (plan layers, base geography).
 *
 * The single-file build (`dist/atlas-offline.html`, see scripts/build-offline.ts) carries every data file in the
 * page itself, in `<script type="application/json" id="atlas-files">{ "<path>": <json>, … }</script>`; that
 * script is parsed once, on first use. Otherwise the file is fetched relative to the page, with a timeout.
 */

/** The id of the script element that holds the embedded files in the single-file build. */
export const embeddedFilesId = 'atlas-files';

const defaultTimeoutMs = 20_000;

let embedded: Map<string, unknown> | null | undefined;

/** The files embedded in the page, by path; null when the page embeds none (the hosted build). */
function embeddedFiles(): Map<string, unknown> | null {
  if (embedded !== undefined) return embedded;
  const script = typeof document === 'undefined' ? null : document.getElementById(embeddedFilesId);
  if (!script?.textContent) {
    embedded = null;
    return embedded;
  }
  try {
    embedded = new Map(Object.entries(JSON.parse(script.textContent) as Record<string, unknown>));
  } catch (e) {
    throw new Error(`#${embeddedFilesId}: the embedded files are not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  return embedded;
}

const normalise = (path: string) => path.replace(/^(\.\/)+/, '').replace(/^\/+/, '');

/**
 * A JSON data file of the app, by path relative to the app (`geo/plans/index.json`, `geo/base/yunnan.topo.json`).
 * Throws an Error whose message starts with the path and says why (HTTP status, timeout, network, invalid JSON).
 */
export async function fetchJson(path: string, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<unknown> {
  const files = embeddedFiles();
  const key = normalise(path);
  if (files?.has(key)) return structuredClone(files.get(key));

  const { timeoutMs = defaultTimeoutMs, signal } = options;
  if (signal?.aborted) throw new Error(`${path}: aborted`);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forward = () => controller.abort();
  signal?.addEventListener('abort', forward, { once: true });
  const reason = (e: unknown) => {
    if (timedOut) return `timed out after ${timeoutMs / 1000} s`;
    if (signal?.aborted) return 'aborted';
    return `network error (${e instanceof Error ? e.message : String(e)})`;
  };
  try {
    let response: Response;
    try {
      response = await fetch(new URL(key, document.baseURI), { signal: controller.signal });
    } catch (e) {
      throw new Error(`${path}: ${reason(e)}`);
    }
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    let text: string;
    try {
      text = await response.text();
    } catch (e) {
      throw new Error(`${path}: ${reason(e)}`);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new Error(`${path}: not valid JSON`);
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forward);
  }
}

/** For tests: read the embedded files again on the next call. */
export function resetEmbeddedFiles(): void {
  embedded = undefined;
}
