/** A lazy part of the page that fails says so, and says so again (offering a reload) when its retry fails too. */
import { fireEvent, render, screen } from '@testing-library/react';
import { type ComponentType, lazy } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { languages } from '../../src/i18n/languages';
import { ChunkBoundary, type RetryablePart } from '../../src/ui/ChunkBoundary';

const notices = languages.zh.notices;

/** A part whose chunk never loads: each attempt (the first and every retry) is a fresh failing import. */
function brokenPart(): RetryablePart & { reloads: number } {
  const failing = () => lazy<ComponentType>(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
  let Component = failing();
  let version = 0;
  const part = {
    reloads: 0,
    get Component() {
      return Component;
    },
    get version() {
      return version;
    },
    retry() {
      version += 1;
      Component = failing();
    },
    reload() {
      part.reloads += 1;
    },
  };
  return part;
}

describe('a lazy part that fails to load', () => {
  // React reports each caught failure on the console; the test reads the page instead.
  beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => vi.restoreAllMocks());

  it('says it failed, then on a failed retry that it failed again, with a reload that keeps the view', async () => {
    const part = brokenPart();
    render(<ChunkBoundary part={part} fallback={null} notices={notices} />);
    expect(await screen.findByText(notices.chunkFailed)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: notices.reload })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: notices.retry }));
    expect(await screen.findByText(notices.chunkFailedAgain)).toBeInTheDocument();
    expect(screen.queryByText(notices.chunkFailed)).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: notices.reload }));
    expect(part.reloads).toBe(1);
  });
});
