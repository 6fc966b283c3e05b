/** The studio's strings: the app's own (category, role, level names …) and the studio's, in the chosen language. */
import { languages } from '../../i18n/languages';
import { problemWordsEn, studioEn } from '../../i18n/studio-en';
import { problemZh, studioZh } from '../../i18n/studio-zh';
import { useAtlasStore } from '../../state/store';

const table = {
  zh: { ...languages.zh, ...studioZh, problemWords: problemZh },
  en: { ...languages.en, ...studioEn, problemWords: problemWordsEn },
};

export type StudioUiStrings = (typeof table)['zh'] | (typeof table)['en'];

export function useStudioStrings(): StudioUiStrings {
  return table[useAtlasStore((s) => s.lang)];
}
