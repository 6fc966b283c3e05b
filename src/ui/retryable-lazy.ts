import { type ComponentType, lazy } from 'react';

/**
 * The URL of the module a failed dynamic import names, if the browser says (Chromium: “Failed to fetch
 * dynamically imported module: <url>”, Firefox: “error loading dynamically imported module: <url>”).
 */
export function failedModuleUrl(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module:?\s+(\S+?)\.?$/i.exec(message.trim())?.[1];
}

/** The same module under a new URL (`?retry=<attempt>`): the browser keeps a failed import per URL for good. */
export function retryUrl(url: string, attempt: number): string {
  const u = new URL(url, typeof document === 'undefined' ? 'http://localhost/' : document.baseURI);
  u.searchParams.set('retry', String(attempt));
  return u.href;
}

/** How the next attempt loads: the same URL the first time, a fresh URL after a failure that named its module, else a page reload. */
export type RetryPlan = { kind: 'import'; url?: string } | { kind: 'reload' };

/** The plan for attempt `attempt` (0 is the first load) after a failure that named `failedUrl` (or nothing). */
export function planAttempt(attempt: number, failedUrl: string | undefined): RetryPlan {
  if (attempt === 0) return { kind: 'import' };
  return failedUrl ? { kind: 'import', url: retryUrl(failedUrl, attempt) } : { kind: 'reload' };
}

/**
 * React.lazy remembers a failed import for good, and so does the browser, per URL: this one can be told to try
 * again, and then imports the module the failure named under a new URL, so an error boundary's retry really
 * fetches the chunk anew. A failure that names no module (a truncated file) is retried by reloading the page,
 * which keeps the address (and so the view) in its hash.
 */
export function retryableLazy<M>(load: () => Promise<M>, pick: (module: M) => ComponentType, reload: () => void = () => window.location.reload()) {
  let attempt = 0;
  let failedUrl: string | undefined;
  const make = () => {
    const plan = planAttempt(attempt, failedUrl);
    return lazy<ComponentType>(async () => {
      if (plan.kind === 'reload') {
        reload();
        return new Promise<never>(() => undefined); // the page is going away
      }
      try {
        const module = plan.url ? ((await import(/* @vite-ignore */ plan.url)) as M) : await load();
        return { default: pick(module) };
      } catch (e) {
        failedUrl = failedModuleUrl(e)?.replace(/[?&]retry=\d+/, '') ?? failedUrl;
        throw e;
      }
    });
  };
  let current = make();
  return {
    get Component() {
      return current;
    },
    /** How many times it was retried: a boundary says “failed again” once this is above 0. */
    get version() {
      return attempt;
    },
    retry() {
      attempt += 1;
      current = make();
    },
    /** Loads the whole page again (the view is in the hash): the last resort when a fresh URL failed too. */
    reload,
  };
}
