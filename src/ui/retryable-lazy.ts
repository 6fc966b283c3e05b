import { type ComponentType, lazy } from 'react';

/**
 * React.lazy remembers a failed import for good; this one can be told to try again (after a lost network
 * or a redeploy), so an error boundary's retry really loads the chunk anew.
 */
export function retryableLazy(load: () => Promise<{ default: ComponentType }>) {
  let current = lazy(load);
  let version = 0;
  return {
    get Component() {
      return current;
    },
    get version() {
      return version;
    },
    retry() {
      version += 1;
      current = lazy(load);
    },
  };
}
