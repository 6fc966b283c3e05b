/** What stops the plan from saving: the validator's own lines, and the last change that was refused. */
import { useSession } from './session';
import { useStudioStrings } from './strings';

export function Problems({ problems, compiling }: { problems: readonly string[]; compiling: boolean }) {
  const t = useStudioStrings();
  const refusal = useSession((s) => s.refusal);
  const clear = useSession((s) => s.clearRefusal);
  return (
    <div className="studio-problems">
      {refusal && (
        <div className="studio-refusal" role="alert">
          <p>
            <strong>{t.refused}</strong> {refusal}
          </p>
          <button type="button" className="btn btn--small" onClick={clear}>
            {t.dismiss}
          </button>
        </div>
      )}
      <div role="status" aria-live="polite">
        {compiling ? (
          <p className="studio-muted">{t.checking}</p>
        ) : problems.length ? (
          <details open className="studio-refusal">
            <summary>{t.problemCount(problems.length)}</summary>
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </details>
        ) : (
          <p className="studio-ok">{t.valid}</p>
        )}
      </div>
    </div>
  );
}
