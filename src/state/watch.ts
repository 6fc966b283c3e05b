/**
 * A store subscription that says what it reads: a selector, compared with shallow equality by default, so a
 * subscriber is called only when what it selects changes (not on every store change, and without a hand-kept
 * list of fields compared one by one).
 */
import type { StoreApi } from 'zustand';
import { shallow } from 'zustand/vanilla/shallow';

/**
 * Calls `onChange(next, prev, state)` whenever `select(state)` changes by `equal` (shallow by default: an object
 * of fields changes when one of its fields does). Not called at once: the caller acts on the current state itself.
 * Returns the unsubscribe function.
 */
export function watch<S, T>(
  store: Pick<StoreApi<S>, 'getState' | 'subscribe'>,
  select: (state: S) => T,
  onChange: (next: T, prev: T, state: S) => void,
  equal: (a: T, b: T) => boolean = shallow,
): () => void {
  let current = select(store.getState());
  // Compared with what this watch last saw, not with the listener's previous state: a change another subscriber
  // makes while this one waits its turn is seen once, not again when the outer change reaches it.
  return store.subscribe((state) => {
    const next = select(state);
    if (equal(current, next)) return;
    const prev = current;
    current = next;
    onChange(next, prev, state);
  });
}
