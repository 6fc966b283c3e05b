import { useEffect, useState, useSyncExternalStore } from 'react';
import { type Download, getDownloads, subscribeDownloads } from '../../data/fetch-asset';
import type { UiStrings } from '../../i18n/languages';
import { useStrings } from '../../i18n/use-strings';

/** A download is shown once it has taken this long: a fast one never flashes on screen. */
const showAfterMs = 1200;

const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString()} KB`;

/** What a data file is, in the user's words. */
function what(path: string, t: UiStrings): string {
  const w = t.notices.loadingWhat;
  if (path.startsWith('geo/base/')) return w.base;
  if (/geo\/plans\/index\.json$|catalogue/.test(path)) return w.catalogue;
  if (/search\.json$/.test(path)) return w.search;
  if (/projects\.json$/.test(path)) return w.projects;
  if (/\.geojson$/.test(path)) return w.plan;
  return w.other;
}

/** Large files on a slow link: what is loading and how far it has got, so a long wait is not taken for a hang. */
export function Downloads() {
  const t = useStrings();
  const downloads = useSyncExternalStore(subscribeDownloads, getDownloads);
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!downloads.length) return;
    const timer = setInterval(() => setNow(performance.now()), 500);
    return () => clearInterval(timer);
  }, [downloads.length]);
  const slow = downloads.filter((d: Download) => now - d.started >= showAfterMs);
  if (!slow.length) return null;
  // The base map arrives as four files: one line for it.
  const lines = new Map<string, { loaded: number; total: number | undefined }>();
  for (const d of slow) {
    const label = what(d.path, t);
    const line = lines.get(label);
    lines.set(
      label,
      line
        ? { loaded: line.loaded + d.loaded, total: line.total !== undefined && d.total !== undefined ? line.total + d.total : undefined }
        : { loaded: d.loaded, total: d.total },
    );
  }
  return (
    <>
      {[...lines].map(([label, d]) => (
        <div key={label} className="download-card">
          <p>
            {t.notices.loading(label)} {t.notices.loaded(kb(d.loaded), d.total === undefined ? undefined : kb(d.total))}
          </p>
          <progress aria-label={t.notices.loading(label)} {...(d.total ? { max: d.total, value: d.loaded } : {})} />
        </div>
      ))}
    </>
  );
}
