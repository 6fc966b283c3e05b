import type { PlanMeta } from '../../lib/atlas-data';
import type { Lang } from '../../state/ui-slice';

/** The short name of the plan's area: 云南省, 曲靖市, 双江县 / Yunnan, Qujing, Shuangjiang. */
export function regionLabel(plan: PlanMeta, lang: Lang): string {
  return lang === 'en' ? plan.regionEn : plan.regionShort;
}
