/**
 * The map's credits line, in the order README promises: the page's review number (审图号) and the deployment's
 * base credit first, then the sources of the offline base, then the online base's maker while one is drawn.
 */
import { languages } from '../../i18n/languages';
import { type AtlasConfig, configCredits } from '../../lib/atlas-config';
import { type BaseStyleOptions, onlineCredit } from './base-style';

/**
 * The credits as one string for MapLibre's `customAttribution`. One string, because MapLibre sorts separate
 * credits by length (a short 国界 line would come before the review number); the online source's own attribution
 * is part of it, so MapLibre drops that as a repeat rather than put it first.
 */
export function mapCredits(config: AtlasConfig, options: Pick<BaseStyleOptions, 'lang' | 'basemap' | 'tiandituKey'>): string {
  const t = languages[options.lang];
  const fromConfig = configCredits(config, {
    tianditu: options.basemap === 'tianditu',
    reviewLabel: t.reviewNumber,
    tiandituReviewLabel: t.mapCredits.tiandituReview,
  });
  return [...fromConfig, t.mapCredits.boundaries, t.mapCredits.borders, t.mapCredits.water, onlineCredit(options)].filter((x): x is string => !!x).join(' | ');
}
