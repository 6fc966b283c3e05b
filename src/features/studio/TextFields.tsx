/**
 * The plan's words of the item being edited: its quote and section, its functions and (for an element) its
 * projects. Each is replaced or added only from the passage picked in the seed pane; there is no typing.
 */
import { useId } from 'react';
import { setText } from '../../compiler/edit/ops';
import type { Source } from '../../lib/plan-schema';
import { useSession } from './session';
import { useSeedPick } from './seed-pick';
import { useStudioStrings } from './strings';

interface Props {
  /** The change target: `plan`, an element or project id, `unplaced:<index>`. */
  target: string;
  source?: Source | undefined;
  /** The source's field: `source` (items), `summary` or `formulaSource` (the plan). */
  sourceField?: 'source' | 'summary' | 'formulaSource';
  lists?: { field: 'functions' | 'projects'; items: readonly string[] }[];
}

export function TextFields({ target, source, sourceField = 'source', lists = [] }: Props) {
  const t = useStudioStrings();
  const uid = useId();
  const pick = useSeedPick((s) => s.pick);
  const plan = useSession((s) => s.plan);
  const apply = useSession((s) => s.apply);
  const who = useSession((s) => s.who);
  if (!plan) return null;
  const extra = who ? { who } : undefined;
  const use = (field: string, value: string | Source | null) => apply(setText(plan, target, field, value, extra));
  const needsPick = pick ? undefined : t.pickFirst;
  return (
    <div className="studio-fields">
      <div className="studio-field">
        <h4 className="studio-label">{t.sourceFields[sourceField]}</h4>
        {source ? (
          <blockquote className="studio-quote" lang="zh-CN">
            {source.quote}
            <footer className="studio-muted">{source.section}</footer>
          </blockquote>
        ) : (
          <p className="studio-muted">{t.none}</p>
        )}
        <button
          type="button"
          className="btn"
          disabled={!pick}
          title={needsPick}
          onClick={() => pick && use(sourceField, { section: pick.section, quote: pick.quote })}
        >
          {t.useAsQuote}
        </button>
      </div>
      {lists.map(({ field, items }) => (
        <div className="studio-field" key={field}>
          {/* The heading names its list: a screen reader hears which list (functions, projects) it is in. */}
          <h4 className="studio-label" id={`${uid}-${field}`}>
            {t.listFields[field]}
          </h4>
          <ol className="studio-list" aria-labelledby={`${uid}-${field}`}>
            {items.map((text, i) => (
              <li key={i}>
                <span lang="zh-CN">{text}</span>
                <span className="studio-row-actions">
                  <button
                    type="button"
                    className="btn btn--small"
                    disabled={!pick}
                    aria-label={t.replaceWithPick(t.listFields[field], i + 1)}
                    title={needsPick}
                    onClick={() => pick && use(`${field}[${i}]`, pick.quote)}
                  >
                    {t.replace}
                  </button>
                  <button
                    type="button"
                    className="btn btn--small"
                    aria-label={t.removeItem(t.listFields[field], i + 1)}
                    onClick={() => use(`${field}[${i}]`, null)}
                  >
                    {t.remove}
                  </button>
                </span>
              </li>
            ))}
          </ol>
          <button type="button" className="btn" disabled={!pick} title={needsPick} onClick={() => pick && use(`${field}[${items.length}]`, pick.quote)}>
            {t.addPick(t.listFields[field])}
          </button>
        </div>
      ))}
    </div>
  );
}
