/** fetchJson: the embedded files of the single-file build first, else fetch with a timeout and errors that name the file. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { embeddedFilesId, fetchJson, getDownloads, idleTimeoutFor, resetEmbeddedFiles, subscribeDownloads } from '../../src/data/fetch-asset';

afterEach(() => {
  document.getElementById(embeddedFilesId)?.remove();
  resetEmbeddedFiles();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function embed(files: Record<string, unknown>) {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.id = embeddedFilesId;
  script.textContent = JSON.stringify(files).replace(/</g, '\\u003c');
  document.body.append(script);
}

describe('fetchJson', () => {
  it('reads a file embedded in the page without fetching, a fresh copy each time', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    embed({ 'geo/plans/index.json': { plans: [{ id: 'x', title: '</script>' }] } });
    const first = (await fetchJson('geo/plans/index.json')) as { plans: { title: string }[] };
    expect(first.plans[0]!.title).toBe('</script>');
    first.plans.length = 0;
    expect(await fetchJson('./geo/plans/index.json')).toEqual({ plans: [{ id: 'x', title: '</script>' }] });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('fetches what is not embedded, relative to the page', async () => {
    const fetch = vi.fn(async () => new Response('{"a":1}', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    embed({ 'geo/base/labels.geojson': {} });
    expect(await fetchJson('geo/plans/qujing.geojson')).toEqual({ a: 1 });
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toBe(new URL('geo/plans/qujing.geojson', document.baseURI).href);
  });

  it('names the file and the HTTP status', async () => {
    vi.stubGlobal('fetch', async () => new Response('nope', { status: 404 }));
    await expect(fetchJson('geo/plans/nowhere.geojson')).rejects.toThrow(/^geo\/plans\/nowhere\.geojson: HTTP 404/);
  });

  it('names the file when it is not JSON', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>', { status: 200 }));
    await expect(fetchJson('geo/plans/index.json')).rejects.toThrow('geo/plans/index.json: not valid JSON');
  });

  it('gives up after the timeout', async () => {
    vi.stubGlobal(
      'fetch',
      (_url: URL, init: RequestInit) =>
        new Promise((_, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    await expect(fetchJson('geo/base/yunnan.topo.json', { timeoutMs: 30 })).rejects.toThrow(
      'geo/base/yunnan.topo.json: timed out (nothing received for 0.03 s)',
    );
  });

  it('stops when the caller aborts', async () => {
    vi.stubGlobal(
      'fetch',
      (_url: URL, init: RequestInit) =>
        new Promise((_, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const controller = new AbortController();
    const pending = fetchJson('geo/base/hydro.topo.json', { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toThrow('geo/base/hydro.topo.json: aborted');
    await expect(fetchJson('geo/base/hydro.topo.json', { signal: controller.signal })).rejects.toThrow('geo/base/hydro.topo.json: aborted');
  });

  it('reports a network failure', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(fetchJson('geo/base/context.topo.json')).rejects.toThrow('geo/base/context.topo.json: network error (Failed to fetch)');
  });

  it('keeps a slow download going while bytes arrive, longer in all than the timeout, and reports its progress', async () => {
    const body = `{"a":"${'x'.repeat(90)}"}`;
    vi.stubGlobal('fetch', async () => new Response(trickle(body, 10, 15), { status: 200, headers: { 'content-length': String(body.length) } }));
    const seen: number[] = [];
    const stop = subscribeDownloads(() => seen.push(getDownloads()[0]?.loaded ?? -1));
    const started = Date.now();
    expect(await fetchJson('geo/plans/big.geojson', { timeoutMs: 60 })).toEqual(JSON.parse(body));
    stop();
    expect(Date.now() - started).toBeGreaterThan(60);
    expect(seen.filter((n) => n > 0).length).toBeGreaterThan(5);
    expect(getDownloads()).toEqual([]);
  });

  it('gives up when the bytes stop coming', async () => {
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"a":'));
      },
    });
    vi.stubGlobal('fetch', async () => new Response(stalled, { status: 200 }));
    await expect(fetchJson('geo/base/yunnan.topo.json', { timeoutMs: 40 })).rejects.toThrow(/yunnan\.topo\.json: timed out/);
  });

  it('waits longer on each retry', () => {
    expect(idleTimeoutFor(1)).toBeGreaterThan(idleTimeoutFor(0));
    expect(idleTimeoutFor(2)).toBeGreaterThan(idleTimeoutFor(1));
  });
});

/** A body that arrives in `parts` pieces, one every `everyMs`. */
function trickle(text: string, parts: number, everyMs: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const size = Math.ceil(bytes.length / parts);
  let sent = 0;
  return new ReadableStream({
    async pull(controller) {
      if (sent >= bytes.length) return controller.close();
      await new Promise((r) => setTimeout(r, everyMs));
      controller.enqueue(bytes.slice(sent, sent + size));
      sent += size;
    },
  });
}
