import { type CSSProperties, type KeyboardEvent, type PointerEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { nearestSnap, type SheetSnap, sheetHeight, sheetMaxWidth, stepSnap } from '../lib/sheet';

/** Whether the layout is a phone's (the panel is a bottom sheet); follows the window as it resizes. */
export function useSheetLayout(): boolean {
  const query = `(max-width: ${sheetMaxWidth}px)`;
  const [matches, setMatches] = useState(() => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const list = window.matchMedia(query);
    const onChange = () => setMatches(list.matches);
    onChange();
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

interface Props {
  /** Where the sheet rests; the owner keeps it (the store) so the camera can frame what it leaves visible. */
  snap: SheetSnap;
  onSnap: (snap: SheetSnap) => void;
  /** False on wide screens: a plain side panel, no handle. */
  enabled: boolean;
  className: string;
  label: string;
  /** The handle's accessible name (what it does and its keys). */
  handleLabel: string;
  /** What the sheet shows (e.g. the selected element's id): when it changes, the content opens at its top. */
  contentKey?: string;
  children: ReactNode;
}

/**
 * The panel: beside the map on wide screens; on phones a bottom sheet over it with peek, half and full snap
 * points. Its handle is a button: drag it (pointer events: touch, pen, mouse), tap it (peek ⇄ half), or use
 * ↑ ↓ Home End on it.
 */
export function BottomSheet({ snap, onSnap, enabled, className, label, handleLabel, contentKey, children }: Props) {
  const root = useRef<HTMLElement>(null);
  const body = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: new content is the reason to go back to the top
  useEffect(() => {
    // New details open at their top, their name in view, not where the last content was scrolled to.
    if (body.current) body.current.scrollTop = 0;
    if (root.current) root.current.scrollTop = 0;
  }, [contentKey]);
  const [stageHeight, setStageHeight] = useState(0);
  const [dragHeight, setDragHeight] = useState<number | null>(null);
  // A tap is handled on pointerup (browsers may drop the click of a quick second tap); the click that may follow
  // is then ignored. Clicks with no pointer before them (Enter, Space, assistive technology) toggle.
  const lastPointerUp = useRef(-Infinity);
  const drag = useRef<{ id: number; y: number; start: number; moved: boolean; lastY: number; lastT: number; v: number } | null>(null);

  useEffect(() => {
    const stage = root.current?.parentElement;
    if (!enabled || !stage) return;
    const measure = () => setStageHeight(stage.clientHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(stage);
    return () => observer.disconnect();
  }, [enabled]);

  const bounds = (h: number) => Math.max(sheetHeight('peek', stageHeight), Math.min(sheetHeight('full', stageHeight), h));
  const onPointerDown = (e: PointerEvent<HTMLButtonElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    const start = sheetHeight(snap, stageHeight);
    drag.current = { id: e.pointerId, y: e.clientY, start, moved: false, lastY: e.clientY, lastT: e.timeStamp, v: 0 };
  };
  const onPointerMove = (e: PointerEvent<HTMLButtonElement>) => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    if (!d.moved && Math.abs(e.clientY - d.y) < 6) return;
    d.moved = true;
    const dt = Math.max(1, e.timeStamp - d.lastT);
    d.v = (d.lastY - e.clientY) / dt; // up is positive
    d.lastY = e.clientY;
    d.lastT = e.timeStamp;
    setDragHeight(bounds(d.start + (d.y - e.clientY)));
  };
  const onPointerEnd = (e: PointerEvent<HTMLButtonElement>) => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    drag.current = null;
    lastPointerUp.current = performance.now();
    if (!d.moved) {
      if (e.type === 'pointerup') toggle();
      return;
    }
    e.preventDefault();
    setDragHeight(null);
    onSnap(nearestSnap(bounds(d.start + (d.y - e.clientY)), stageHeight, d.v));
  };
  const toggle = () => onSnap(snap === 'peek' ? 'half' : 'peek');
  const onClick = () => {
    if (performance.now() - lastPointerUp.current < 800) return;
    toggle();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const to =
      e.key === 'ArrowUp' ? stepSnap(snap, 1) : e.key === 'ArrowDown' ? stepSnap(snap, -1) : e.key === 'Home' ? 'peek' : e.key === 'End' ? 'full' : undefined;
    if (!to) return;
    e.preventDefault();
    onSnap(to);
  };

  const style: CSSProperties | undefined =
    enabled && stageHeight ? { height: dragHeight ?? sheetHeight(snap, stageHeight), transition: dragHeight === null ? undefined : 'none' } : undefined;
  return (
    <aside
      ref={root}
      className={`${className}${enabled ? ` sheet sheet--${snap}` : ''}`}
      aria-label={label}
      style={style}
      data-sheet={enabled ? snap : undefined}
    >
      {enabled && (
        <button
          type="button"
          className="sheet-handle"
          aria-label={handleLabel}
          aria-expanded={snap !== 'peek'}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerEnd}
          onPointerCancel={onPointerEnd}
          onClick={onClick}
          onKeyDown={onKeyDown}
        >
          <span className="sheet-grip" aria-hidden="true" />
        </button>
      )}
      <div
        ref={body}
        className="sheet-body"
        onFocus={() => {
          // Keyboard focus inside a folded sheet opens it, so what has focus can be seen.
          if (enabled && snap === 'peek') onSnap('half');
        }}
      >
        {children}
      </div>
    </aside>
  );
}
