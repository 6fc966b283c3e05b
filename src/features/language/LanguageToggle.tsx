import { languageIds, languages } from '../../i18n/languages';
import { useStrings } from '../../i18n/use-strings';
import { useAtlasStore } from '../../state/store';

/** Switches to the next interface language; the button names that language in its own words. */
export function LanguageToggle() {
  const t = useStrings();
  const lang = useAtlasStore((s) => s.lang);
  const setLang = useAtlasStore((s) => s.setLang);
  const next = languageIds[(languageIds.indexOf(lang) + 1) % languageIds.length] ?? lang;
  return (
    <button type="button" className="btn btn--quiet lang-toggle" onClick={() => setLang(next)} title={t.languageLabel} lang={languages[next].htmlLang}>
      {languages[next].self}
    </button>
  );
}
