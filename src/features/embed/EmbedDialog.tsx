import { useRef, useState } from 'react';
import { useAtlasStore } from '../../state/store';
import { useStrings } from '../../i18n/use-strings';
import { usePlanEntry } from '../../data/hooks';
import { embedUrl, iframeCode } from './embed-code';

/** Gives the iframe code for the current plan and view. */
export function EmbedButton() {
  const t = useStrings();
  const planId = useAtlasStore((s) => s.planId);
  const meta = usePlanEntry(planId);
  const dialog = useRef<HTMLDialogElement>(null);
  const [code, setCode] = useState('');
  const [copied, setCopied] = useState(false);
  const open = () => {
    setCode(iframeCode(embedUrl(window.location), meta ? [meta.title, meta.formula].filter(Boolean).join(' · ') : t.appTitle));
    setCopied(false);
    dialog.current?.showModal();
  };
  return (
    <>
      <button type="button" className="btn btn--quiet hide-phone" onClick={open}>
        {t.embed}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby="embed-title">
        <h2 id="embed-title">{t.embedTitle}</h2>
        <p className="muted">{t.embedHint}</p>
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
