/** The change list in words, always in sight: the summary line, and every change on request. */
import { describeChange, describeChanges } from '../../compiler/edit/describe';
import { useStrings } from '../../i18n/use-strings';
import { isDirty, useSession } from './session';
import { useStudioStrings } from './strings';

export function ChangeList() {
  const t = useStudioStrings();
  const words = useStrings().changeWords;
  const done = useSession((s) => s.done);
  const dirty = useSession(isDirty);
  return (
    <div className="studio-changes" role="status" aria-live="polite" aria-label={t.changeListLabel}>
      <details>
        <summary>
          <span className="studio-label">{t.changes}</span> {describeChanges(done, words)}
          {done.length > 0 && <span className="studio-muted"> · {dirty ? t.unsaved : t.saved}</span>}
        </summary>
        <ol className="studio-list">
          {done.map((c, i) => (
            <li key={i}>{describeChange(c, words)}</li>
          ))}
        </ol>
      </details>
    </div>
  );
}
