/** Every data file the app reads comes through here: relative to the page, with a timeout and a named error. */

const defaultTimeoutMs = 20_000;

/** Fetches and parses a JSON file of the app (`geo/plans/catalogue.json`); errors name the file and the reason. */
export async function fetchJson(path: string, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), options.timeoutMs ?? defaultTimeoutMs);
  options.signal?.addEventListener('abort', () => controller.abort(options.signal?.reason));
  let response: Response;
  try {
    response = await fetch(new URL(path, document.baseURI), { signal: controller.signal });
  } catch (e) {
    const timedOut = controller.signal.aborted && (controller.signal.reason as DOMException | undefined)?.name === 'TimeoutError';
    const wait = options.timeoutMs ?? defaultTimeoutMs;
    const waited = wait < 1000 ? `${wait} ms` : `${Math.round(wait / 1000)} s`;
    throw new Error(timedOut ? `${path}: no answer within ${waited}` : `${path}: ${e instanceof Error ? e.message : 'network error'}`);
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new Error(`${path}: not valid JSON`);
  }
}
