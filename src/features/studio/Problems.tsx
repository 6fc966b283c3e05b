/**
 * What stops the plan from saving: the validator's problems in the interface language (file, feature and field are
 * data and stay as written; the validator's English line is the item's title), and the last change that was refused.
 */
import { type PlanProblem, problemLine } from '../../lib/plan-problems';
import { useSession } from './session';
import { useStudioStrings } from './strings';

export function Problems({ problems, compiling }: { problems: readonly PlanProblem[]; compiling: boolean }) {
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
      <div role="status" aria-live="polite" aria-label={t.checkLabel}>
        {compiling ? (
          <p className="studio-muted">{t.checking}</p>
        ) : problems.length ? (
          <details open className="studio-refusal">
            <summary>{t.problemCount(problems.length)}</summary>
            <ul>
              {problems.map((p) => {
                const line = problemLine(p);
                const shown = problemLine(p, t.problemWords);
                return (
                  <li key={line} title={shown === line ? undefined : line}>
                    {shown}
                  </li>
                );
              })}
            </ul>
          </details>
        ) : (
          <p className="studio-ok">{t.valid}</p>
        )}
      </div>
    </div>
  );
}
