/** The search box on a sharded index: it reads the top file and the one shard a query needs, never the whole table. */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { syllablesOf } from '../../src/compiler/publish';
import { searchShardFiles } from '../../src/compiler/search-shards';
import { resetDataLayer } from '../../src/data/reset';
import { SearchBox } from '../../src/features/search/SearchBox';
import { publishedPaths } from '../../src/lib/published-format';
import { compiledAtlas } from './fixtures/compiled-atlas';
import { serveFiles } from './public-fetch';

/** The compiled fixture atlas's search entries, to shard as a test needs. */
const { files: published, search: entries } = compiledAtlas();
/** The fixture atlas's files, with `index` (search shards) in place of its own. */
const serve = (index: Record<string, unknown>) => serveFiles({ ...published, ...index });

beforeEach(() => resetDataLayer());
afterEach(() => vi.unstubAllGlobals());

/** Serves `files` and records the path of every request the search box makes. */
function serveRecording(files: Record<string, unknown>): string[] {
  serve(files);
  const served = globalThis.fetch;
  const asked: string[] = [];
  vi.stubGlobal('fetch', (input: string | URL) => {
    asked.push(new URL(String(input), document.baseURI).pathname);
    return served(input);
  });
  return asked;
}

describe('search box', () => {
  it('finds a zone by part of its name from one shard of sixteen', async () => {
    const asked = serveRecording(searchShardFiles(entries, syllablesOf, 16));
    const user = userEvent.setup();
    render(<SearchBox />);
    await user.click(screen.getByRole('combobox'));
    await user.paste('茶香');
    expect(await screen.findByRole('option', { name: /西部茶香区/ })).toBeInTheDocument();
    const search = asked.filter((p) => /search/.test(p));
    expect(search.filter((p) => p.endsWith('/geo/search/index.json'))).toHaveLength(1);
    expect(search.filter((p) => /\/geo\/search\/\d+\.json$/.test(p))).toHaveLength(1);
    expect(search).not.toContain(`/${publishedPaths.search}`);
  });

  it('shows the results of a keystroke whose shard is loaded at once, with no pause and no download', async () => {
    serve(searchShardFiles(entries, syllablesOf, 16));
    const served = globalThis.fetch;
    let asked = 0;
    vi.stubGlobal('fetch', (input: string | URL) => {
      asked += 1;
      return served(input);
    });
    const user = userEvent.setup();
    render(<SearchBox />);
    const box = screen.getByRole('combobox');
    await user.click(box);
    await user.paste('茶香');
    await screen.findByRole('option', { name: /西部茶香区/ });
    await user.clear(box);
    const before = asked;
    await user.paste('茶香');
    // Read at once (getBy, not findBy): a pause before matching would leave the list empty here.
    expect(screen.getByRole('option', { name: /西部茶香区/ })).toBeInTheDocument();
    expect(asked).toBe(before);
  });

  it('keeps arrow keys and Enter on the results of a loaded shard', async () => {
    serve(searchShardFiles(entries, syllablesOf, 16));
    const user = userEvent.setup();
    render(<SearchBox />);
    const box = screen.getByRole('combobox');
    await user.click(box);
    await user.paste('茶香');
    const option = await screen.findByRole('option', { name: /西部茶香区/ });
    await user.keyboard('{ArrowDown}{ArrowUp}');
    expect(box).toHaveAttribute('aria-activedescendant', option.id);
    await user.keyboard('{Enter}');
    expect(box).toHaveValue('西部茶香区');
  });

  it('loads a small atlas’s single shard when the box is focused, before anything is typed', async () => {
    const files = searchShardFiles(entries, syllablesOf);
    expect((files['geo/search/index.json'] as { shards: number[] }).shards).toHaveLength(1);
    const asked = serveRecording(files);
    const user = userEvent.setup();
    render(<SearchBox />);
    await user.click(screen.getByRole('combobox'));
    await waitFor(() => expect(asked).toContain('/geo/search/0.json'));
    await user.paste('茶香');
    expect(await screen.findByRole('option', { name: /西部茶香区/ })).toBeInTheDocument();
    expect(asked.filter((p) => p === '/geo/search/0.json')).toHaveLength(1);
  });
});
