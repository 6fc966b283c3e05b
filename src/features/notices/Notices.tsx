import { useLoadedCatalogue, useNotices } from '../../data/hooks';
import { dismissNotice, type NoticeSubject } from '../../data/notices';
import { planTitle, type UiStrings } from '../../i18n/languages';
import { useStrings } from '../../i18n/use-strings';
import { useAtlasStore } from '../../state/store';
import { Downloads } from './Downloads';

/** A notice's words in the user's language; `planName` names a plan by its title where the catalogue knows it. */
export function noticeText(s: NoticeSubject, t: UiStrings, planName: (id: string) => string = (id) => id): string {
  const n = t.notices;
  switch (s.type) {
    case 'catalogue-failed':
      return n.catalogueFailed;
    case 'plan-failed':
      return n.planFailed(planName(s.plan));
    case 'invalid-entries':
      return n.invalidEntries(s.file, s.count);
    case 'plan-not-found':
      return n.planNotFound(s.plan);
    case 'search-failed':
      return n.searchFailed;
    case 'projects-failed':
      return n.projectsFailed;
    case 'base-failed':
      return n.baseFailed;
    case 'map-failed':
      return n.mapFailed;
    case 'chunk-failed':
      return n.chunkFailed;
    case 'export-failed':
      return n.exportFailed;
    case 'config-failed':
      return n.configFailed;
    case 'sandboxed':
      return t.sandboxBlocked;
    case 'download-failed':
      return n.downloadFailed;
  }
}

/** What went wrong, where the user sees it, with a retry where one helps. */
export function Notices() {
  const t = useStrings();
  const lang = useAtlasStore((s) => s.lang);
  const catalogue = useLoadedCatalogue();
  const planName = (id: string) => {
    const entry = catalogue?.byId.get(id);
    return entry ? planTitle(entry, lang) : id;
  };
  const notices = useNotices();
  return (
    <div className="notices" role="status" aria-live="polite" aria-label={t.notices.title}>
      {notices.map((n) => (
        <div key={n.key} className={`notice-card notice-card--${n.level}`} role="group" aria-label={noticeText(n.subject, t, planName)}>
          <p className="notice-text">{noticeText(n.subject, t, planName)}</p>
          {'reason' in n.subject && (
            <p className="notice-reason">
              {t.notices.details}: {n.subject.reason}
            </p>
          )}
          <div className="notice-actions">
            {n.retry && (
              <button
                type="button"
                className="btn"
                onClick={() => {
                  dismissNotice(n.key);
                  n.retry?.();
                }}
              >
                {t.notices.retry}
              </button>
            )}
            <button type="button" className="btn btn--quiet" onClick={() => dismissNotice(n.key)}>
              {t.notices.dismiss}
            </button>
          </div>
        </div>
      ))}
      <Downloads />
    </div>
  );
}
