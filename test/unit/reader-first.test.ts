/** Background work waits while the reader acts (src/data/reader-first.ts), and the parts loader's long loads with it. */
import { fireEvent } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getProjectParts, requestProjects, setAllPartsMost, setProjectWindow, whenProjectsSettled } from '../../src/data/project-parts';
import { quietAfterMs, quietIn, whenQuiet } from '../../src/data/reader-first';
import { resetDataLayer } from '../../src/data/reset';
import { emptyProjectFilters } from '../../src/lib/project-filter';
import { projectPartPaths, summariseProjects, summaryFile } from '../../src/lib/project-summary';
import { projectFields, toTable } from '../../src/lib/published-format';
import { fixtureFiles, fixtureProjects } from './fixtures/projects';

/** A promise's state after the pending timers and microtasks have run. */
async function settledYet(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(() => {
    done = true;
  });
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe('the reader first', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('background work goes on at once when the reader has not acted lately', async () => {
    vi.advanceTimersByTime(quietAfterMs);
    expect(quietIn()).toBe(0);
    expect(await settledYet(whenQuiet())).toBe(true);
  });

  it('a click, a key or the wheel holds it until the reader has paused, each input anew', async () => {
    vi.advanceTimersByTime(quietAfterMs);
    fireEvent.pointerDown(document.body);
    const quiet = whenQuiet();
    expect(await settledYet(quiet)).toBe(false);
    await vi.advanceTimersByTimeAsync(quietAfterMs - 200);
    // Another input before the pause is over: the wait starts again from it.
    fireEvent.keyDown(document.body, { key: 'ArrowDown' });
    await vi.advanceTimersByTimeAsync(400);
    expect(await settledYet(quiet)).toBe(false);
    fireEvent.wheel(document.body);
    await vi.advanceTimersByTimeAsync(quietAfterMs - 1);
    expect(await settledYet(quiet)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settledYet(quiet)).toBe(true);
  });
});

let asked: string[] = [];
function serve(files: Record<string, unknown>) {
  vi.stubGlobal('fetch', async (input: string | URL) => {
    const path = new URL(String(input), document.baseURI).pathname.replace(/^\//, '');
    asked.push(path);
    return path in files ? new Response(JSON.stringify(files[path]), { status: 200 }) : new Response('not found', { status: 404 });
  });
}

/** Forty plans of one project each: more parts than one batch loads. */
function manyPlans(): Record<string, unknown> {
  const plans = Array.from({ length: 40 }, (_, i) => `p${String(i).padStart(2, '0')}`);
  const rows = plans.map((plan, i) => ({ ...fixtureProjects[i % fixtureProjects.length]!, id: `${plan}-project`, plan, order: i }));
  return {
    [projectPartPaths.summary]: summaryFile(summariseProjects(rows, plans, 5)),
    ...Object.fromEntries(
      plans.map((p) => [
        projectPartPaths.part(p),
        toTable(
          projectFields,
          rows.filter((r) => r.plan === p),
        ),
      ]),
    ),
  };
}

describe('the parts loader puts the reader first', () => {
  beforeEach(() => {
    resetDataLayer();
    asked = [];
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setAllPartsMost(undefined);
  });

  it('every part behind the unfiltered list’s first page loads once the reader pauses after opening it', async () => {
    serve(manyPlans());
    fireEvent.pointerDown(document.body);
    const clicked = performance.now();
    requestProjects({ filters: emptyProjectFilters, shortlist: [], mode: 'all' });
    // The summary's first page is on screen at once.
    await vi.waitFor(() => expect(getProjectParts().records).toHaveLength(5));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(asked.filter((p) => p !== projectPartPaths.summary)).toEqual([]);
    const state = await whenProjectsSettled();
    expect(state.records).toHaveLength(40);
    expect(performance.now() - clicked).toBeGreaterThanOrEqual(quietAfterMs);
  });

  it('a plan filter’s part loads at once, the reader acting or not', async () => {
    serve(manyPlans());
    fireEvent.pointerDown(document.body);
    const clicked = performance.now();
    requestProjects({ filters: { ...emptyProjectFilters, plans: ['p07'] }, shortlist: [], mode: 'all' });
    const state = await whenProjectsSettled();
    expect(state.records.filter((r) => r.plan === 'p07')).toHaveLength(1);
    expect(performance.now() - clicked).toBeLessThan(quietAfterMs);
  });

  it('a country’s points for the map are read only once the reader pauses; the list’s own parts at once', async () => {
    serve(fixtureFiles());
    setAllPartsMost(5);
    setProjectWindow(0, 2);
    fireEvent.pointerDown(document.body);
    const clicked = performance.now();
    requestProjects({ filters: emptyProjectFilters, shortlist: [], mode: 'all' });
    // The window's parts are what the list shows: they are not held back.
    const state = await whenProjectsSettled();
    expect(state.records.length).toBeGreaterThan(0);
    expect(performance.now() - clicked).toBeLessThan(quietAfterMs);
    expect(getProjectParts().points ?? []).toHaveLength(0);
    await vi.waitFor(() => expect(getProjectParts().points?.length).toBe(10), { timeout: 5000 });
    expect(performance.now() - clicked).toBeGreaterThanOrEqual(quietAfterMs);
  });
});
