/**
 * The interface languages. Adding one is its file (a copy of en.ts, translated) and one line here: the URL
 * (`#lang=`), the language button and the atlas's components take the list from here. The plan studio has strings of
 * its own, loaded with it: a copy of studio-en.ts and a line in features/studio/strings.ts (the type checker asks for
 * both). Plan content stays in the plans' own language (Chinese), with the English names the data gives in every
 * other interface language.
 */
import { en } from './en';
import { zh, type UiStrings } from './zh';

export const languages = { zh, en } satisfies Record<string, UiStrings>;

export type Lang = keyof typeof languages;
export const languageIds = Object.keys(languages) as Lang[];
export const defaultLang: Lang = 'zh';
export const isLang = (value: unknown): value is Lang => typeof value === 'string' && Object.hasOwn(languages, value);
export type { UiStrings };

/** The plans' own language: their names and words are shown as written in it. */
export const plansLang: Lang = 'zh';

/**
 * The one rule for names: an interface in the plans' own language shows the names as written; any other shows the
 * English names the data gives (`nameEn`, `titleEn`, `regionEn`), falling back to the written name.
 */
export const usesEnglishNames = (lang: Lang): boolean => lang !== plansLang;

/** The English name the reader should see beside or instead of the written one, if any. */
export function englishName(item: { nameEn?: string | undefined }, lang: Lang): string | undefined {
  return usesEnglishNames(lang) ? item.nameEn || undefined : undefined;
}

/** A plan item's name for the reader: its English name where the rule above gives one, else its written name. */
export function localName(item: { name: string; nameEn?: string | undefined }, lang: Lang): string {
  return englishName(item, lang) ?? item.name;
}

/** The `lang` attribute of a name shown by {@link localName}: the plans' language unless an English name is shown. */
export function localNameLang(item: { nameEn?: string | undefined }, lang: Lang): string | undefined {
  return englishName(item, lang) ? undefined : languages[plansLang].htmlLang;
}

/** A plan's title for the reader, by the same rule. */
export function planTitle(plan: { title: string; titleEn?: string | undefined }, lang: Lang): string {
  return englishName({ nameEn: plan.titleEn }, lang) ?? plan.title;
}

/** The short name of a plan's area: 云南省, 曲靖市, 双江县 / Yunnan, Qujing, Shuangjiang. */
export function regionName(plan: { regionShort: string; regionEn: string }, lang: Lang): string {
  return englishName({ nameEn: plan.regionEn }, lang) ?? plan.regionShort;
}
