/**
 * A cache of things loaded once per key (a plan, the catalogue), with their loading state for React and a
 * retry. Every failed load is retried when the browser comes back online.
 */

/** The state of something being loaded. */
export type Loadable<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: string };

export interface Resource<K, T> {
  /** Starts loading (once) and resolves to the data. */
  load(key: K): Promise<T>;
  /** The current state; `undefined` until a load is asked for. */
  peek(key: K): Loadable<T> | undefined;
  /** Forgets a failed load and loads again. */
  retry(key: K): Promise<T>;
  /** Replaces the data of a key (the studio's live preview), as if it had been loaded. */
  put(key: K, data: T): void;
  subscribe(listener: () => void): () => void;
  /** For tests: forget everything. */
  reset(): void;
}

const all = new Set<Resource<never, unknown> & { retryFailed(): void }>();

/**
 * `loader` is told which attempt this is (0 first, then 1, 2… after each retry), so a retry can wait longer.
 * `onError` is called once per failed attempt.
 */
export function createResource<K, T>(
  loader: (key: K, attempt: number) => Promise<T>,
  onError?: (key: K, error: string, retry: () => void) => void,
): Resource<K, T> {
  const states = new Map<K, Loadable<T>>();
  const promises = new Map<K, Promise<T>>();
  const attempts = new Map<K, number>();
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const l of listeners) l();
  };
  const resource = {
    load(key: K): Promise<T> {
      let promise = promises.get(key);
      if (promise) return promise;
      states.set(key, { status: 'loading' });
      promise = loader(key, attempts.get(key) ?? 0).then(
        (data) => {
          if (promises.get(key) === promise) states.set(key, { status: 'ready', data });
          emit();
          return data;
        },
        (e: unknown) => {
          const error = e instanceof Error ? e.message : String(e);
          if (promises.get(key) === promise) states.set(key, { status: 'error', error });
          emit();
          onError?.(key, error, () => void resource.retry(key).catch(() => undefined));
          throw e;
        },
      );
      promises.set(key, promise);
      emit();
      return promise;
    },
    peek: (key: K) => states.get(key),
    retry(key: K): Promise<T> {
      attempts.set(key, (attempts.get(key) ?? 0) + 1);
      promises.delete(key);
      states.delete(key);
      return resource.load(key);
    },
    put(key: K, data: T) {
      states.set(key, { status: 'ready', data });
      promises.set(key, Promise.resolve(data));
      emit();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    reset() {
      states.clear();
      promises.clear();
      attempts.clear();
      emit();
    },
    retryFailed() {
      for (const [key, state] of states) if (state.status === 'error') void resource.retry(key).catch(() => undefined);
    },
  };
  all.add(resource as never);
  return resource;
}

// A load that failed for want of a network is tried again as soon as the network is back.
if (typeof window !== 'undefined')
  window.addEventListener('online', () => {
    for (const r of all) r.retryFailed();
  });
