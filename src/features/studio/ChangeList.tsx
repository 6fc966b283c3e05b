/** The change list in words, always in sight: the summary line, and every change on request. */
import { describeChange, describeChanges } from '../../compiler/edit/describe';
import { useAtlasStore } from '../../state/store';
import { isDirty, useSession } from './session';
import { useStudioStrings } from './strings';

export function ChangeList() {
  const t = useStudioStrings();
  const lang = useAtlasStore((s) => s.lang);
  const done = useSession((s) => s.done);
  const dirty = useSession(isDirty);
  return (
    <div className="studio-changes" role="status" aria-live="polite">
      <details>
        <summary>
          <span className="studio-label">{t.changes}</span> {describeChanges(done, lang)}
          {done.length > 0 && <span className="studio-muted"> · {dirty ? t.unsaved : t.saved}</span>}
        </summary>
        <ol className="studio-list">
          {done.map((c, i) => (
            <li key={i}>{describeChange(c, lang)}</li>
          ))}
        </ol>
      </details>
    </div>
  );
}
