/**
 * The interface languages. Adding one is one file (a copy of en.ts, translated) and one line here;
 * plan content stays in the plan's own language (Chinese, with English names where the data gives them).
 */
import { en } from './en';
import { zh, type UiStrings } from './zh';

export const languages = { zh, en } satisfies Record<string, UiStrings>;

export type Lang = keyof typeof languages;
export const languageIds = Object.keys(languages) as Lang[];
export const defaultLang: Lang = 'zh';
export const isLang = (value: unknown): value is Lang => typeof value === 'string' && value in languages;
export type { UiStrings };

/** A plan item's name for the reader: its English name in any non-Chinese interface where the data has one. */
export function localName(item: { name: string; nameEn?: string | undefined }, lang: Lang): string {
  return lang !== 'zh' && item.nameEn ? item.nameEn : item.name;
}

/** The short name of a plan's area: 云南省, 曲靖市, 双江县 / Yunnan, Qujing, Shuangjiang. */
export function regionName(plan: { regionShort: string; regionEn: string }, lang: Lang): string {
  return lang !== 'zh' ? plan.regionEn : plan.regionShort;
}
