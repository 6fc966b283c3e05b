import { Component, type ReactNode } from 'react';

interface Props {
  /** What to say when the part below fails, and the retry button's text. */
  message: string;
  retryLabel: string;
  /** Called before re-rendering: e.g. to load a failed chunk again. */
  onRetry?: () => void;
  /** A second way out (e.g. reload the page), offered next to the retry. */
  reloadLabel?: string;
  onReload?: () => void;
  children: ReactNode;
}

/** Keeps a failure in one part of the page (a chunk that did not load) from turning the whole page white. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="notice notice--error boundary" role="alert">
        <p>{this.props.message}</p>
        <p className="notice-reason">{this.state.error.message}</p>
        <button
          type="button"
          className="btn"
          onClick={() => {
            this.props.onRetry?.();
            this.setState({ error: null });
          }}
        >
          {this.props.retryLabel}
        </button>
        {this.props.onReload && (
          <button type="button" className="btn btn--quiet" onClick={this.props.onReload}>
            {this.props.reloadLabel}
          </button>
        )}
      </div>
    );
  }
}
