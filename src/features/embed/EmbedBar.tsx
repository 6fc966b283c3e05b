import { useAtlasStore } from '../../state/store';
import { useStrings } from '../../i18n/use-strings';
import { useAtlasConfig, usePlanEntry } from '../../data/hooks';
import { configCredits } from '../../lib/atlas-config';
import { englishName, languages, plansLang, regionName } from '../../i18n/languages';
import { fullAtlasUrl } from './embed-code';

const plansHtmlLang = languages[plansLang].htmlLang;

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
        {/* The region by the one rule for names (the data gives it in English); the layout's formula is plan text
            with no English form in the data, so it stays as written, marked as Chinese. */}
        <p className="embed-title">
          {meta ? (
            <>
              <span lang={englishName({ nameEn: meta.regionEn }, lang) ? undefined : plansHtmlLang}>{regionName(meta, lang)}</span>
              {meta.formula && (
                <>
                  {' · '}
                  <span lang={plansHtmlLang}>{meta.formula}</span>
                </>
              )}
            </>
          ) : (
            t.appShort
          )}
        </p>
        <a className="embed-open" href={fullAtlasUrl(window.location, { plan: planId, feature: selectedId, lang })} target="_blank" rel="noopener">
          {t.openFullAtlas} ↗
        </a>
      </div>
      {credits.length > 0 && <p className="embed-credit">{credits.join(' · ')}</p>}
    </>
  );
}
