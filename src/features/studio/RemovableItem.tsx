/** A row of a studio list (a region of an extent, a belt's waypoint, a link) with the × button that takes it out. */
import type { ReactNode } from 'react';

/** `removeLabel` names what the × removes, for screen readers (the × alone says nothing). */
export function RemovableItem({ children, removeLabel, onRemove }: { children: ReactNode; removeLabel: string; onRemove: () => void }) {
  return (
    <li>
      {children}
      <button type="button" className="btn btn--small" aria-label={removeLabel} onClick={onRemove}>
        ×
      </button>
    </li>
  );
}
