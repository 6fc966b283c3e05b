import { useId, useRef, useState } from 'react';
import { useAtlasStore } from '../../state/store';
import { useStrings } from '../../i18n/use-strings';
import { usePlanEntry } from '../../data/hooks';
import { currentMapParam, embedUrl, iframeCode } from './embed-code';

/**
 * Gives the iframe code for the current plan, selection and language. The embed frames the plan to its own
 * size unless the author ticks "keep this view".
 */
export function EmbedButton() {
  const t = useStrings();
  const planId = useAtlasStore((s) => s.planId);
  const selectedId = useAtlasStore((s) => s.selectedId);
  const lang = useAtlasStore((s) => s.lang);
  const meta = usePlanEntry(planId);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const uid = useId();
  const [keepView, setKeepView] = useState(false);
  const [map, setMap] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const code = iframeCode(
    embedUrl(window.location, { plan: planId, feature: selectedId, lang, map: keepView ? map : null }),
    meta ? [meta.title, meta.formula].filter(Boolean).join(' · ') : t.appTitle,
  );
  const open = () => {
    setMap(currentMapParam(window.location.hash));
    setCopied(false);
    dialog.current?.showModal();
  };
  return (
    <>
      <button ref={opener} type="button" className="btn btn--quiet hide-phone" onClick={open}>
        {t.embed}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby={`${uid}-title`} onClose={() => opener.current?.focus()}>
        <h2 id={`${uid}-title`}>{t.embedTitle}</h2>
        <p className="muted">{t.embedHint}</p>
        <label className="dialog-check">
          <input type="checkbox" checked={keepView} disabled={!map} onChange={(e) => setKeepView(e.target.checked)} /> {t.embedKeepView}
        </label>
        <textarea className="code" readOnly value={code} rows={5} aria-label={t.embedTitle} onFocus={(e) => e.currentTarget.select()} />
        <div className="dialog-actions">
          <button
            type="button"
            className="btn"
            onClick={() => {
              void navigator.clipboard?.writeText(code).then(
                () => setCopied(true),
                () => setCopied(false),
              );
            }}
          >
            {copied ? t.copied : t.copy}
          </button>
          <button type="button" className="btn" onClick={() => dialog.current?.close()}>
            {t.close}
          </button>
        </div>
      </dialog>
    </>
  );
}
