/** A lazy chunk's retry fetches anew: a fresh URL for the module the failure named, else a reload that keeps the hash. */
import { describe, expect, it } from 'vitest';
import { failedModuleUrl, planAttempt, retryUrl } from '../../src/ui/retryable-lazy';

const chunk = 'https://example.org/portal/atlas/assets/ProjectBrowser-Ab12.js';

describe('chunk retry', () => {
  it('reads the failed module from Chromium’s and Firefox’s messages, and nothing from a message without one', () => {
    expect(failedModuleUrl(new TypeError(`Failed to fetch dynamically imported module: ${chunk}`))).toBe(chunk);
    expect(failedModuleUrl(new TypeError(`error loading dynamically imported module: ${chunk}`))).toBe(chunk);
    expect(failedModuleUrl(new SyntaxError('Unexpected end of input'))).toBeUndefined();
  });

  it('gives every attempt its own URL', () => {
    expect(retryUrl(chunk, 1)).toBe(`${chunk}?retry=1`);
    expect(retryUrl(`${chunk}?retry=1`, 2)).toBe(`${chunk}?retry=2`);
  });

  it('loads as built the first time, then by a fresh URL, or by reloading when the failure named no module', () => {
    expect(planAttempt(0, undefined)).toEqual({ kind: 'import' });
    expect(planAttempt(1, chunk)).toEqual({ kind: 'import', url: `${chunk}?retry=1` });
    expect(planAttempt(1, undefined)).toEqual({ kind: 'reload' });
  });
});
