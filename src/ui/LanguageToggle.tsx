import { useAtlasStore } from '../state/store';
import { useStrings } from './use-strings';

export function LanguageToggle() {
  const t = useStrings();
  const lang = useAtlasStore((s) => s.lang);
  const setLang = useAtlasStore((s) => s.setLang);
  return (
    <button type="button" className="btn btn--quiet lang-toggle" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} aria-label={t.languageLabel} lang={lang === 'zh' ? 'en' : 'zh'}>
      {t.language}
    </button>
  );
}
