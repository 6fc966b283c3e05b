/**
 * The one way the app reads its data files (plan layers, base geography).
 *
 * The single-file build (`dist/atlas-offline.html`, see scripts/build-offline.ts) carries every data file in the
 * page itself, in `<script type="application/json" id="atlas-files">{ "<path>": <json>, … }</script>`; that
 * script is parsed once, on first use. Otherwise the file is fetched relative to the page, with a timeout.
 */

/** The id of the script element that holds the embedded files in the single-file build. */
export const embeddedFilesId = 'atlas-files';

/**
 * How long a download may go without a byte arriving (not its total time: a slow link still gets there).
 * Each retry waits twice as long as the attempt before it.
 */
const defaultTimeoutMs = 20_000;

/** The quiet time allowed on attempt `attempt` (0 is the first). */
export const idleTimeoutFor = (attempt: number, base = defaultTimeoutMs): number => base * 2 ** Math.min(Math.max(attempt, 0), 3);

/** A download in progress: bytes so far and, if the server said, in all. */
export interface Download {
  path: string;
  loaded: number;
  total: number | undefined;
  /** When it started (ms, performance clock): the UI shows only downloads that take a while. */
  started: number;
}

let downloads: readonly Download[] = [];
const downloadListeners = new Set<() => void>();
function setDownload(path: string, next: Download | undefined): void {
  downloads = next ? [...downloads.filter((d) => d.path !== path), next] : downloads.filter((d) => d.path !== path);
  for (const l of downloadListeners) l();
}

/** The downloads in progress, for a progress display. */
export const getDownloads = (): readonly Download[] => downloads;
export function subscribeDownloads(listener: () => void): () => void {
  downloadListeners.add(listener);
  return () => void downloadListeners.delete(listener);
}

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

/** Whether the page carries this file itself (the single-file build): reading it costs no download. */
export function isEmbedded(path: string): boolean {
  return embeddedFiles()?.has(normalise(path)) ?? false;
}

/**
 * A JSON data file of the app, by path relative to the app (`geo/plans/index.json`, `geo/base/yunnan.topo.json`).
 * Gives up when no byte has arrived for `timeoutMs` (longer on each `attempt`), never for the total time.
 * Throws an Error whose message starts with the path and says why (HTTP status, timeout, network, invalid JSON).
 */
export async function fetchJson(path: string, options: { timeoutMs?: number; attempt?: number; signal?: AbortSignal } = {}): Promise<unknown> {
  const files = embeddedFiles();
  const key = normalise(path);
  if (files?.has(key)) return structuredClone(files.get(key));

  const { attempt = 0, signal } = options;
  const timeoutMs = options.timeoutMs ?? idleTimeoutFor(attempt);
  if (signal?.aborted) throw new Error(`${path}: aborted`);
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** (Re)starts the quiet-time clock: called when the request starts and whenever bytes arrive. */
  const heard = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
  };
  const forward = () => controller.abort();
  signal?.addEventListener('abort', forward, { once: true });
  const reason = (e: unknown) => {
    if (timedOut) return `timed out (nothing received for ${timeoutMs / 1000} s)`;
    if (signal?.aborted) return 'aborted';
    return `network error (${e instanceof Error ? e.message : String(e)})`;
  };
  const started = typeof performance === 'undefined' ? Date.now() : performance.now();
  heard();
  try {
    let response: Response;
    try {
      response = await fetch(new URL(key, document.baseURI), { signal: controller.signal });
    } catch (e) {
      throw new Error(`${path}: ${reason(e)}`);
    }
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    heard();
    let text: string;
    try {
      text = await readText(response, controller.signal, (loaded, total) => {
        heard();
        setDownload(key, { path: key, loaded, total, started });
      });
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
    setDownload(key, undefined);
  }
}

/** The body as text, reporting every chunk that arrives (bytes so far, and the total when the server gives one). */
async function readText(response: Response, signal: AbortSignal, progress: (loaded: number, total: number | undefined) => void): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return response.text();
  // Not every body stops by itself when the request is aborted: cancel it, so a stalled read ends.
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', cancel, { once: true });
  const length = Number(response.headers.get('content-length'));
  // A compressed response's length is of the compressed bytes: only an uncompressed one gives a true total.
  const total = length > 0 && !response.headers.get('content-encoding') ? length : undefined;
  const decoder = new TextDecoder();
  let text = '';
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    text += decoder.decode(value, { stream: true });
    progress(loaded, total);
  }
  signal.removeEventListener('abort', cancel);
  if (signal.aborted) throw new DOMException('aborted', 'AbortError');
  return text + decoder.decode();
}

/** For tests: read the embedded files again on the next call. */
export function resetEmbeddedFiles(): void {
  embedded = undefined;
}
