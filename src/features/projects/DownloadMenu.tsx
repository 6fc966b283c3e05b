/**
 * The 项目册 menu: one item per entry of the format registry (its name and hint), so a new format appears here
 * without touching this file. Choosing one loads its writer and hands it exactly the rows on screen.
 */
import { useCallback, useId, useRef, useState } from 'react';
import type { UiStrings } from '../../i18n/languages';
import { useDismiss } from '../../ui/use-dismiss';
import type { ExportFormat } from './export-formats';

export interface DownloadMenuProps {
  formats: readonly ExportFormat[];
  t: UiStrings;
  /** How many projects a download would hold; none disables the menu. */
  count: number;
  /** A format's writer is loading or writing. */
  busy: boolean;
  onChoose: (format: ExportFormat) => void;
}

export function DownloadMenu({ formats, t, count, busy, onChoose }: DownloadMenuProps) {
  const b = t.browser;
  const uid = useId();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useDismiss(
    root,
    open,
    useCallback(() => setOpen(false), []),
  );
  return (
    <div className="pb-downloads" ref={root}>
      <button
        type="button"
        className="btn pb-download-toggle"
        aria-expanded={open}
        aria-controls={`${uid}-menu`}
        disabled={!count}
        onClick={() => setOpen((o) => !o)}
        aria-busy={busy}
      >
        <span aria-hidden="true">⤓</span> {b.book}
        <span className="chevron" aria-hidden="true">
          {open ? '▴' : '▾'}
        </span>
      </button>
      {open && (
        <div className="pb-menu" id={`${uid}-menu`} role="group" aria-label={b.download}>
          {formats.map((format) => {
            const s = format.strings(b);
            return (
              <button
                key={format.id}
                type="button"
                className="pb-menu-item"
                data-format={format.id}
                onClick={() => {
                  setOpen(false);
                  onChoose(format);
                }}
              >
                <strong>{s.name}</strong>
                <span>{s.hint(count)}</span>
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
