import { useAtlasStore } from '../../state/store';
import { useStrings } from '../../i18n/use-strings';
import { useAtlasConfig, usePlanEntry } from '../../data/hooks';
import { configCredits } from '../../lib/atlas-config';
import { fullAtlasUrl } from './embed-code';

/** The embed's only chrome: which plan this is, and a way out to the full atlas (same plan, selection, language). */
export function EmbedBar() {
  const t = useStrings();
  const planId = useAtlasStore((s) => s.planId);
  const selectedId = useAtlasStore((s) => s.selectedId);
  const lang = useAtlasStore((s) => s.lang);
  const meta = usePlanEntry(planId);
  const config = useAtlasConfig();
  const basemap = useAtlasStore((s) => s.basemap);
  // A page that publishes the map shows its review number on it, embeds included.
  const credits = config
    ? configCredits(config, { tianditu: basemap === 'tianditu', reviewLabel: t.reviewNumber, tiandituReviewLabel: t.mapCredits.tiandituReview })
    : [];
  return (
    <>
      <div className="embed-bar" role="region" aria-label={t.embedBar}>
        <p className="embed-title" lang="zh-CN">
          {meta ? [meta.regionShort, meta.formula].filter(Boolean).join(' · ') : t.appShort}
        </p>
        <a className="embed-open" href={fullAtlasUrl(window.location, { plan: planId, feature: selectedId, lang })} target="_blank" rel="noopener">
          {t.openFullAtlas} ↗
        </a>
      </div>
      {credits.length > 0 && <p className="embed-credit">{credits.join(' · ')}</p>}
    </>
  );
}
