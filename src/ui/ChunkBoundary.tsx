import { type ComponentType, type ReactNode, Suspense, useState } from 'react';
import type { UiStrings } from '../i18n/languages';
import { ErrorBoundary } from './ErrorBoundary';

/** A lazily loaded part of the page that can be loaded again (see retryableLazy). */
export interface RetryablePart {
  readonly Component: ComponentType;
  /** How many times it was retried. */
  readonly version: number;
  retry(): void;
  reload(): void;
}

/**
 * A lazy part of the page behind its own error boundary: a failure says so with a retry that really loads the part
 * again; once a retry has failed too, it says that it failed again and offers to reload the page (the view is kept).
 */
export function ChunkBoundary({
  part,
  fallback,
  notices,
}: {
  part: RetryablePart;
  fallback: ReactNode;
  notices: Pick<UiStrings['notices'], 'chunkFailed' | 'chunkFailedAgain' | 'retry' | 'reload'>;
}) {
  // A retry swaps the part's component: rendered again, with a fresh boundary (its key) around the new one.
  const [, setRetries] = useState(0);
  return (
    <ErrorBoundary
      key={part.version}
      message={part.version > 0 ? notices.chunkFailedAgain : notices.chunkFailed}
      retryLabel={notices.retry}
      {...(part.version > 0 ? { reloadLabel: notices.reload, onReload: part.reload } : {})}
      onRetry={() => {
        part.retry();
        setRetries((n) => n + 1);
      }}
    >
      <Suspense fallback={fallback}>
        <part.Component />
      </Suspense>
    </ErrorBoundary>
  );
}
