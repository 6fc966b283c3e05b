/**
 * After a reload or a crash, unsaved studio work kept in the browser's storage is offered back. Part of the first
 * visit (so it is tiny): it only reads the stored draft's plan and time; the studio itself loads on "restore".
 */
import { useEffect, useState } from 'react';
import { useStrings } from '../../i18n/use-strings';
import { useAtlasStore } from '../../state/store';
import { draftKey } from './draft-key';

function storedDraft(): { folder: string; at: number } | undefined {
  try {
    const raw = localStorage.getItem(draftKey);
    const draft = raw ? (JSON.parse(raw) as { opened?: { folder?: unknown }; at?: unknown; changes?: unknown[] }) : undefined;
    if (typeof draft?.opened?.folder !== 'string' || !draft.changes?.length) return undefined;
    return { folder: draft.opened.folder, at: Number(draft.at) || 0 };
  } catch {
    return undefined;
  }
}

export function DraftOffer() {
  const t = useStrings();
  const studio = useAtlasStore((s) => s.studio);
  const openStudio = useAtlasStore((s) => s.openStudio);
  const [draft, setDraft] = useState(storedDraft);
  // Closing the studio settles its draft (saved or discarded): read again what is left.
  useEffect(() => {
    if (!studio) setDraft(storedDraft());
  }, [studio]);
  if (!draft || studio) return null;
  const time = draft.at ? new Date(draft.at).toLocaleString() : '';
  return (
    <div className="draft-offer" role="region" aria-label={t.studioDraft}>
      <p>{t.studioDraftOffer(draft.folder, time)}</p>
      <button type="button" className="btn btn--primary" onClick={() => openStudio(true)}>
        {t.studioRestore}
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => {
          try {
            localStorage.removeItem(draftKey);
          } catch {
            // nothing to remove
          }
          setDraft(undefined);
        }}
      >
        {t.studioDiscard}
      </button>
    </div>
  );
}
